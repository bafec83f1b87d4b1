package com.digitdesk.segment;

import java.nio.ByteBuffer;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.RenderedPage;

/**
 * A page's gray pixels (0 black .. 255 white), read in place, with white paper
 * all around, and the palest ink (0 paper .. 255 black) that still counts
 * where it joins a stroke: on a pale gray scan a light stroke passes the ink
 * level only in pieces; on a bilevel or a dark scan nothing below the level
 * is a stroke.
 */
record PageRaster(int width, int height, ByteBuffer gray, int paleInk) {

	/** The ink level as ink (0 paper .. 255 black): stronger is a stroke. */
	static final int STROKE_INK = 255 - GrayImage.INK_LEVEL;
	/**
	 * A pixel joined to a stroke counts as stroke from this share of the page's
	 * median stroke ink: on a bilevel scan (all strokes 255) or a dark one, the
	 * share is above the ink level and nothing paler counts.
	 */
	private static final double PALE_SHARE = 0.5;
	/** Never paler than this: paper noise and the halo around strokes stay paper. */
	private static final int PALEST_INK = 40;
	private static final int SAMPLE_STEP = 7;

	static PageRaster of(RenderedPage page) {
		ByteBuffer gray = page.image().view();
		int[] histogram = new int[256];
		for (int i = 0; i < gray.limit(); i += SAMPLE_STEP) {
			histogram[255 - (gray.get(i) & 0xFF)]++;
		}
		return new PageRaster(page.image().width(), page.image().height(), gray, paleInk(histogram));
	}

	/** From a histogram of ink (0 paper .. 255 black). */
	private static int paleInk(int[] histogram) {
		int strokes = 0;
		for (int ink = STROKE_INK + 1; ink < 256; ink++) {
			strokes += histogram[ink];
		}
		int seen = 0;
		int median = 255;
		for (int ink = STROKE_INK + 1; ink < 256; ink++) {
			seen += histogram[ink];
			if (2 * seen >= strokes) {
				median = ink;
				break;
			}
		}
		return Math.min(STROKE_INK, Math.max(PALEST_INK, (int) Math.round(PALE_SHARE * median)));
	}

	/** Gray at a pixel; outside the page is white paper. */
	int gray(int x, int y) {
		if (x < 0 || y < 0 || x >= width || y >= height) {
			return 255;
		}
		return gray.get(y * width + x) & 0xFF;
	}

	/** Bilinear gray at a sub-pixel position (pixel centres at integer + 0.5). */
	double sample(double x, double y) {
		double fx = x - 0.5;
		double fy = y - 0.5;
		int x0 = (int) Math.floor(fx);
		int y0 = (int) Math.floor(fy);
		double ax = fx - x0;
		double ay = fy - y0;
		double top = gray(x0, y0) * (1 - ax) + gray(x0 + 1, y0) * ax;
		double bottom = gray(x0, y0 + 1) * (1 - ax) + gray(x0 + 1, y0 + 1) * ax;
		return top * (1 - ay) + bottom * ay;
	}
}
