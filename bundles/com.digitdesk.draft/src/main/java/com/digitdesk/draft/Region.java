package com.digitdesk.draft;

/**
 * An area of the page enclosed by rules, in pixels: its bounding box
 * (inclusive) and how many pixels it holds.
 */
record Region(int id, int left, int top, int right, int bottom, int area) {

	int width() {
		return right - left + 1;
	}

	int height() {
		return bottom - top + 1;
	}

	/** The share of its bounding box the region fills: 1 for a clean rectangle. */
	double fill() {
		return area / (double) (width() * height());
	}
}
