package com.digitdesk.forms;

import java.util.List;
import java.util.Optional;

import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.forms.InkComponents.Component;

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

	private SquareMarkFinder() {
	}

	/**
	 * @param pixelsPerPoint nominal scale of the scan
	 * @return the mark's centre in scan pixels
	 */
	static Optional<double[]> find(PageRaster page, TemplateBox mark, double pixelsPerPoint) {
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
		byte[] ink = new byte[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				ink[y * width + x] = page.isInk(left + x, top + y) ? (byte) 1 : 0;
			}
		}
		double side = Math.sqrt(mark.width() * mark.height()) * pixelsPerPoint;
		double[] best = null;
		double bestDistance = Double.MAX_VALUE;
		List<Component> components = InkComponents.find(ink, width, height, null);
		for (Component c : components) {
			double w = c.width();
			double h = c.height();
			double low = side * (1 - SIZE_TOLERANCE);
			double high = side * (1 + SIZE_TOLERANCE);
			if (w < low || h < low || w > high || h > high || c.count < MIN_FILL * w * h) {
				continue;
			}
			double x = left + c.centerX();
			double y = top + c.centerY();
			double distance = Math.hypot(x - expectedX, y - expectedY);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = new double[] { x, y };
			}
		}
		return Optional.ofNullable(best);
	}
}
