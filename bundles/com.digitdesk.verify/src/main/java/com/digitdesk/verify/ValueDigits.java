package com.digitdesk.verify;

import java.util.List;

import com.digitdesk.api.store.DigitResult;

/**
 * Where a digit position of a field is in its value: the value holds one
 * character (a digit, or '?' for a glyph read as no digit) per position that
 * has a glyph, in order; empty cells have none, an amount's point is none.
 */
final class ValueDigits {

	private ValueDigits() {
	}

	/** The index in {@code value} of digit position {@code position}, or -1 when the value does not line up. */
	static int index(String value, List<DigitResult> digits, int position) {
		int written = 0;
		int before = -1;
		for (DigitResult digit : digits) {
			if (digit.prediction().isPresent()) {
				if (digit.position() == position) {
					before = written;
				}
				written++;
			}
		}
		int seen = 0;
		int index = -1;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isDigit(c) || c == '?') {
				if (seen == before) {
					index = i;
				}
				seen++;
			}
		}
		return seen == written ? index : -1;
	}

	/** The value with the digit at {@code position} replaced by {@code digit}. */
	static String replace(String value, List<DigitResult> digits, int position, int digit) {
		int index = index(value, digits, position);
		if (index < 0) {
			throw new IllegalArgumentException("digit position " + position + " does not line up with " + value);
		}
		return value.substring(0, index) + (char) ('0' + digit) + value.substring(index + 1);
	}
}
