package com.digitdesk.verify;

import com.digitdesk.api.template.FieldKind;

/**
 * What a clerk types on one field. The first digit replaces the value shown;
 * on an amount the last two digits typed are the cents (123456 is 1234.56)
 * unless a point was typed; a digit typed on a selected cell changes just
 * that digit.
 */
final class ValueEditor {

	private final FieldKind kind;
	private final String offered;
	/** What was typed: digits, and on an amount at most one point; null until the clerk types. */
	private String typed;
	/** The selected character of the value shown, or -1. */
	private int cursor = -1;

	/** @param offered the value shown before the clerk types: the proposal or the value read */
	ValueEditor(FieldKind kind, String offered) {
		this.kind = kind;
		this.offered = offered;
	}

	boolean typedAnything() {
		return typed != null;
	}

	int cursor() {
		return cursor;
	}

	/** The value as it would be confirmed now. */
	String value() {
		if (typed == null) {
			return offered;
		}
		return kind == FieldKind.AMOUNT ? amount(typed) : typed;
	}

	/** @return why the key is refused, or null */
	String type(char key) {
		boolean point = key == '.' || key == ',';
		if (!(key >= '0' && key <= '9') && !point) {
			return "'" + key + "' is no digit";
		}
		if (point) {
			if (kind != FieldKind.AMOUNT) {
				return "only an amount has a point";
			}
			cursor = -1;
			String digits = typed == null ? "" : typed;
			if (!digits.contains(".")) {
				typed = digits + ".";
			}
			return null;
		}
		if (cursor >= 0) {
			String shown = value();
			typed = shown.substring(0, cursor) + key + shown.substring(cursor + 1);
			cursor = nextDigit(value(), cursor + 1, +1);
			return null;
		}
		typed = (typed == null ? "" : typed) + key;
		return null;
	}

	void backspace() {
		cursor = -1;
		String digits = typed == null ? offered : typed;
		typed = digits.isEmpty() ? "" : digits.substring(0, digits.length() - 1);
	}

	void clear() {
		cursor = -1;
		typed = "";
	}

	/** Moves the cursor over the digits of the value shown; off either end it leaves the cells. */
	void moveCell(int delta) {
		String shown = value();
		if (shown.isEmpty()) {
			cursor = -1;
			return;
		}
		int from = cursor >= 0 ? cursor + delta : delta > 0 ? 0 : shown.length() - 1;
		cursor = nextDigit(shown, from, delta > 0 ? 1 : -1);
	}

	private static int nextDigit(String value, int from, int step) {
		for (int i = from; i >= 0 && i < value.length(); i += step) {
			if (value.charAt(i) != '.') {
				return i;
			}
		}
		return -1;
	}

	/** Typed digits as an amount: with a point as written (cents padded), else the last two digits as cents. */
	static String amount(String typed) {
		if (typed.isEmpty()) {
			return "";
		}
		int point = typed.indexOf('.');
		if (point >= 0) {
			String dollars = typed.substring(0, point);
			String cents = (typed.substring(point + 1) + "00").substring(0, 2);
			return strip(dollars) + "." + cents;
		}
		String padded = typed.length() < 3 ? "000".substring(typed.length()) + typed : typed;
		return strip(padded.substring(0, padded.length() - 2)) + "." + padded.substring(padded.length() - 2);
	}

	/** Dollars without leading zeros, "0" for none. */
	private static String strip(String dollars) {
		String stripped = dollars.replaceFirst("^0+", "");
		return stripped.isEmpty() ? "0" : stripped;
	}
}
