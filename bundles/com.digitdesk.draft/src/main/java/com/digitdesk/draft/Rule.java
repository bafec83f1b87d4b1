package com.digitdesk.draft;

/**
 * A printed rule found on a page raster, in pixels: {@code from..to} along
 * the rule (inclusive), {@code top..bottom} across it (inclusive; for a
 * vertical rule "top" is its left column).
 */
record Rule(boolean horizontal, int from, int to, int top, int bottom) {

	int length() {
		return to - from + 1;
	}

	int thickness() {
		return bottom - top + 1;
	}

	/** The rule's position across its direction (y of a horizontal rule, x of a vertical one), pixels. */
	double position() {
		return (top + bottom + 1) / 2.0;
	}

	/** True when the two rules' spans along their direction overlap by at least {@code share} of the shorter one. */
	boolean overlaps(Rule other, double share) {
		int common = Math.min(to, other.to) - Math.max(from, other.from) + 1;
		return common >= share * Math.min(length(), other.length());
	}
}
