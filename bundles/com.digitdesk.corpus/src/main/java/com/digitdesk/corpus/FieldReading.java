package com.digitdesk.corpus;

/** Counting the digits of a value read or expected. */
final class FieldReading {

	private FieldReading() {
	}

	/** The digits of a normalized value, for counting them against the glyphs. */
	static String digits(String value) {
		return value.replace(".", "");
	}
}
