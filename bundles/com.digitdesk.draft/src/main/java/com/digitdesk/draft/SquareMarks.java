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
		boolean[] seen = new boolean[width * height];
		int[] queue = new int[width * height];
		List<int[]> marks = new ArrayList<>();
		for (int start = 0; start < seen.length; start++) {
			if (seen[start] || !image.isInk(start % width, start / width)) {
				continue;
			}
			int head = 0;
			int tail = 0;
			queue[tail++] = start;
			seen[start] = true;
			int left = width;
			int top = height;
			int right = -1;
			int bottom = -1;
			while (head < tail) {
				int p = queue[head++];
				int x = p % width;
				int y = p / width;
				left = Math.min(left, x);
				right = Math.max(right, x);
				top = Math.min(top, y);
				bottom = Math.max(bottom, y);
				for (int[] d : new int[][] { { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 } }) {
					int nx = x + d[0];
					int ny = y + d[1];
					if (nx >= 0 && ny >= 0 && nx < width && ny < height && !seen[ny * width + nx]
							&& image.isInk(nx, ny)) {
						seen[ny * width + nx] = true;
						queue[tail++] = ny * width + nx;
					}
				}
			}
			double w = (right - left + 1) / pixelsPerPoint;
			double h = (bottom - top + 1) / pixelsPerPoint;
			if (w >= 5 && w <= 30 && h >= 0.8 * w && h <= 1.25 * w
					&& tail >= 0.9 * (right - left + 1) * (bottom - top + 1)) {
				marks.add(new int[] { left, top, right, bottom });
			}
		}
		return marks;
	}
}
