package com.digitdesk.register;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a scanned page is turned, whatever form it is: the angle at which
 * its rows of ink (rules, lines of text) are sharpest, found once per page so
 * that each template's alignment need only look close to it.
 */
final class PageSkew {

	/** Angles tried, in degrees apart. */
	static final double STEP = 0.25;
	/** Columns sampled, in points apart. */
	private static final double COLUMN_STEP = 4;

	private PageSkew() {
	}

	/**
	 * @return the rotation in degrees, in the sense {@link LineAligner} turns the template's frame, within
	 *         {@code maxDegrees} either way
	 */
	static double of(Raster page, double pixelsPerPoint, double maxDegrees) {
		double cx = page.width / 2.0;
		double cy = page.height / 2.0;
		List<int[]> ink = new ArrayList<>();
		int step = Math.max(1, (int) Math.round(COLUMN_STEP * pixelsPerPoint));
		for (int x = step / 2; x < page.width; x += step) {
			for (int y = 0; y < page.height; y++) {
				if (page.isInk(x, y)) {
					ink.add(new int[] { x, y });
				}
			}
		}
		int reach = page.width + page.height;
		double best = 0;
		double bestSharpness = -1;
		for (double angle = -maxDegrees; angle <= maxDegrees + 1e-9; angle += STEP) {
			double theta = Math.toRadians(angle);
			double sin = Math.sin(theta);
			double cos = Math.cos(theta);
			int[] rows = new int[2 * reach + 1];
			for (int[] p : ink) {
				// The row of the template's frame the pixel lies on when the page is turned by the angle.
				rows[reach + (int) Math.round(-sin * (p[0] - cx) + cos * (p[1] - cy))]++;
			}
			double sharpness = 0;
			for (int count : rows) {
				sharpness += (double) count * count;
			}
			if (sharpness > bestSharpness * (1 + 1e-9)) {
				bestSharpness = sharpness;
				best = angle;
			}
		}
		return best;
	}
}
