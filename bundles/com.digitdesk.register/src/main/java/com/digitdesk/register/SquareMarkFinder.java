package com.digitdesk.register;

import java.util.Optional;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.template.TemplateBox;

/**
 * Finds a printed square registration mark near where the template puts
 * it: the solid, square blob of about the right size closest to the expected
 * spot, within a search window wide enough for a page rotated by a few
 * degrees and shifted by a fraction of an inch.
 */
final class SquareMarkFinder {

	/** How far from its nominal place a mark is looked for, in points. */
	static final double SEARCH_RADIUS = 60;
	/** Accepted size of the mark's blob against the template's, either way. */
	private static final double SIZE_TOLERANCE = 0.3;
	/** Share of the blob's bounding box that must be ink: a square, even rotated, fills most of it. */
	private static final double MIN_FILL = 0.7;

	/** The eight neighbours of a pixel, as column and row steps. */
	private static final int[] STEP_X = { -1, 0, 1, -1, 1, -1, 0, 1 };
	private static final int[] STEP_Y = { -1, -1, -1, 0, 0, 1, 1, 1 };

	private SquareMarkFinder() {
	}

	/**
	 * @param pixelsPerPoint nominal scale of the scan
	 * @return the mark's centre in scan pixels
	 */
	static Optional<double[]> find(GrayImage page, TemplateBox mark, double pixelsPerPoint) {
		double expectedX = mark.centerX() * pixelsPerPoint;
		double expectedY = mark.centerY() * pixelsPerPoint;
		int radius = (int) Math.round(SEARCH_RADIUS * pixelsPerPoint);
		int left = Math.max(0, (int) expectedX - radius);
		int top = Math.max(0, (int) expectedY - radius);
		int right = Math.min(page.width(), (int) expectedX + radius);
		int bottom = Math.min(page.height(), (int) expectedY + radius);
		if (right <= left || bottom <= top) {
			return Optional.empty();
		}
		int width = right - left;
		int height = bottom - top;
		boolean[] unseen = new boolean[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				unseen[y * width + x] = page.isInk(left + x, top + y);
			}
		}
		double side = Math.sqrt(mark.width() * mark.height()) * pixelsPerPoint;
		double low = side * (1 - SIZE_TOLERANCE);
		double high = side * (1 + SIZE_TOLERANCE);
		double[] best = null;
		double bestDistance = Double.MAX_VALUE;
		int[] queue = new int[width * height];
		for (int start = 0; start < unseen.length; start++) {
			if (!unseen[start]) {
				continue;
			}
			Blob blob = measure(unseen, width, height, start, queue);
			double w = blob.width();
			double h = blob.height();
			if (w < low || h < low || w > high || h > high || blob.count() < MIN_FILL * w * h) {
				continue;
			}
			double x = left + blob.centerX();
			double y = top + blob.centerY();
			double distance = Math.hypot(x - expectedX, y - expectedY);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = new double[] { x, y };
			}
		}
		return Optional.ofNullable(best);
	}

	/** One blob of touching ink (eight neighbours): its bounding box (inclusive) and centre, in window pixels. */
	private record Blob(int left, int top, int right, int bottom, int count, double centerX, double centerY) {

		int width() {
			return right - left + 1;
		}

		int height() {
			return bottom - top + 1;
		}
	}

	/**
	 * Measures the blob that holds pixel {@code start}, taking its pixels out
	 * of {@code unseen} as it goes (a breadth-first walk; {@code queue} is
	 * scratch space of one slot per pixel).
	 */
	private static Blob measure(boolean[] unseen, int width, int height, int start, int[] queue) {
		int left = width, top = height, right = -1, bottom = -1;
		long sumX = 0, sumY = 0;
		int head = 0;
		int tail = 0;
		queue[tail++] = start;
		unseen[start] = false;
		while (head < tail) {
			int pixel = queue[head++];
			int px = pixel % width;
			int py = pixel / width;
			left = Math.min(left, px);
			right = Math.max(right, px);
			top = Math.min(top, py);
			bottom = Math.max(bottom, py);
			sumX += px;
			sumY += py;
			for (int n = 0; n < STEP_X.length; n++) {
				int nx = px + STEP_X[n];
				int ny = py + STEP_Y[n];
				if (nx >= 0 && ny >= 0 && nx < width && ny < height && unseen[ny * width + nx]) {
					unseen[ny * width + nx] = false;
					queue[tail++] = ny * width + nx;
				}
			}
		}
		// Pixel centres lie at integer + 0.5.
		return new Blob(left, top, right, bottom, tail, (double) sumX / tail + 0.5, (double) sumY / tail + 0.5);
	}
}
