package com.digitdesk.render;

/**
 * How big a raster may get. Checked before anything is decoded or drawn, so
 * that an absurd page size is an error message, not an OutOfMemoryError.
 */
record RenderLimits(long maxPixels, boolean tempFileBuffering) {

	static RenderLimits of(RendererConfiguration configuration) {
		return new RenderLimits(configuration.maxMegapixels() * 1_000_000L, configuration.tempFileBuffering());
	}

	/** The problem with a raster of this size, or null when it is allowed. */
	String check(double width, double height, String what) {
		double pixels = width * height;
		if (!(pixels <= maxPixels)) {
			return String.format("%s would be %.0f x %.0f pixels (%.0f megapixels), above the limit of %d megapixels",
					what, width, height, pixels / 1e6, maxPixels / 1_000_000);
		}
		return null;
	}
}
