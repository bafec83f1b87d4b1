package com.digitdesk.segment;

import java.nio.ByteBuffer;

import com.digitdesk.api.render.RenderedPage;

/** A page's gray pixels (0 black .. 255 white), read in place, with white paper all around. */
record PageRaster(int width, int height, ByteBuffer gray) {

	static PageRaster of(RenderedPage page) {
		return new PageRaster(page.image().width(), page.image().height(), page.image().view());
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
