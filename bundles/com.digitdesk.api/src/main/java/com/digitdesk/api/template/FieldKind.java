package com.digitdesk.api.template;

/**
 * How a numeric field is written and how its value is normalized, the same
 * way in the store, the export and the corpus ground truth.
 */
public enum FieldKind {
	/** A fixed number of boxed or comb cells, one digit each; value: the digits. */
	DIGITS,
	/** Dollars and cents written freely; value: dollars, a dot, two cent digits ("1234.56"). */
	AMOUNT,
	/** A social security number, in nine cells or written freely in one box; value: nine digits. */
	SSN,
	/** A date in cells; value: MMDDYYYY. */
	DATE,
	/**
	 * A digit string written freely in a box (a count, a year, a phone or
	 * account number), without cells or cents; value: the digits.
	 */
	NUMBER
}
