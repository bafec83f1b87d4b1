package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.image.GrayImage;

/**
 * Where a label printed left of its box ends: before the dot leaders that
 * lead the eye from the text to the box (and the line number after them),
 * which an OCR reads as stray letters.
 */
final class LabelArea {

	/** Print closer than this (points) across is one blob: a word, a number, a dot. */
	private static final double GAP = 1.5;
	/** A blob no larger than this (points) each way is a dot. */
	private static final double DOT = 1.6;
	/** This many dots in a row are leaders. */
	private static final int LEADERS = 3;

	private LabelArea() {
	}

	/** The x (points) where the text in the area ends before its leaders; {@code right} when it has none. */
	static double beforeLeaders(GrayImage image, double scale, double left, double top, double right, double bottom) {
		int x0 = Math.max(0, (int) Math.round(left * scale));
		int x1 = Math.min(image.width() - 1, (int) Math.round(right * scale));
		int y0 = Math.max(0, (int) Math.round(top * scale));
		int y1 = Math.min(image.height() - 1, (int) Math.round(bottom * scale));
		List<int[]> blobs = new ArrayList<>(); // {left, right, top, bottom}
		int[] blob = null;
		int gap = (int) Math.ceil(GAP * scale);
		for (int x = x0; x <= x1; x++) {
			int inkTop = -1;
			int inkBottom = -1;
			for (int y = y0; y <= y1; y++) {
				if (image.isInk(x, y)) {
					inkTop = inkTop < 0 ? y : inkTop;
					inkBottom = y;
				}
			}
			if (inkTop < 0) {
				continue;
			}
			if (blob == null || x - blob[1] > gap) {
				blob = new int[] { x, x, inkTop, inkBottom };
				blobs.add(blob);
			} else {
				blob[1] = x;
				blob[2] = Math.min(blob[2], inkTop);
				blob[3] = Math.max(blob[3], inkBottom);
			}
		}
		int dots = 0;
		for (int i = 0; i < blobs.size(); i++) {
			int[] b = blobs.get(i);
			boolean dot = b[1] - b[0] + 1 <= DOT * scale && b[3] - b[2] + 1 <= DOT * scale;
			dots = dot ? dots + 1 : 0;
			if (dots == LEADERS) {
				int first = i - LEADERS + 1;
				return first == 0 ? left : (blobs.get(first - 1)[1] + 1) / scale + 1;
			}
		}
		return right;
	}
}
