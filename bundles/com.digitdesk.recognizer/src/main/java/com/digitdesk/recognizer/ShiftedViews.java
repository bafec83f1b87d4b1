package com.digitdesk.recognizer;

import com.digitdesk.api.recognition.DigitImage;

/**
 * A glyph moved by one pixel left, right, up and down: the networks read a
 * doubtful glyph in each position too, and their readings are averaged
 * (test-time augmentation). A digit's identity does not depend on where in
 * its box it sits; a network's doubt partly does.
 */
final class ShiftedViews {

	/** Shifts (dx, dy) of the views, in the order they are made. */
	private static final int[][] SHIFTS = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
	static final int PER_GLYPH = SHIFTS.length;

	private ShiftedViews() {
	}

	/** The views of each chosen glyph, {@link #PER_GLYPH} in a row per glyph, 784 bytes each. */
	static byte[] of(byte[] pixels, int[] glyphs) {
		byte[] views = new byte[glyphs.length * PER_GLYPH * DigitImage.PIXELS];
		int side = DigitImage.SIDE;
		for (int g = 0; g < glyphs.length; g++) {
			int from = glyphs[g] * DigitImage.PIXELS;
			for (int v = 0; v < PER_GLYPH; v++) {
				int to = (g * PER_GLYPH + v) * DigitImage.PIXELS;
				int dx = SHIFTS[v][0];
				int dy = SHIFTS[v][1];
				for (int y = 0; y < side; y++) {
					int sy = y - dy;
					if (sy < 0 || sy >= side) {
						continue;
					}
					for (int x = 0; x < side; x++) {
						int sx = x - dx;
						if (sx >= 0 && sx < side) {
							views[to + y * side + x] = pixels[from + sy * side + sx];
						}
					}
				}
			}
		}
		return views;
	}
}
