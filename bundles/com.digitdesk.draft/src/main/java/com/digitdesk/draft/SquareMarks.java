package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.image.GrayImage;

/** Finds filled square marks: solid blobs of ink, square, 5 to 30 points a side. */
final class SquareMarks {

	private SquareMarks() {
	}

	/** The marks' bounding boxes in pixels, as {left, top, right, bottom}. */
	static List<int[]> find(GrayImage image, double pixelsPerPoint) {
		int width = image.width();
		int height = image.height();
		List<int[]> marks = new ArrayList<>();
		for (Region r : ConnectedRegions.label(width, height, p -> image.isInk(p % width, p / width),
				new int[width * height])) {
			double w = (r.right() - r.left() + 1) / pixelsPerPoint;
			double h = (r.bottom() - r.top() + 1) / pixelsPerPoint;
			if (w >= 5 && w <= 30 && h >= 0.8 * w && h <= 1.25 * w
					&& r.area() >= 0.9 * (r.right() - r.left() + 1) * (r.bottom() - r.top() + 1)) {
				marks.add(new int[] { r.left(), r.top(), r.right(), r.bottom() });
			}
		}
		return marks;
	}
}
