package com.digitdesk.corpus;

/** Amounts in their normalized form: dollars, a dot, two cent digits ("1234.56"); "" counts as zero. */
final class Amounts {

	private Amounts() {
	}

	static String format(long cents) {
		return (cents / 100) + "." + String.format("%02d", cents % 100);
	}

	static long cents(String value) {
		if (value.isEmpty()) {
			return 0;
		}
		int dot = value.indexOf('.');
		return Long.parseLong(value.substring(0, dot)) * 100 + Long.parseLong(value.substring(dot + 1));
	}
}
