package com.digitdesk.register;

import com.digitdesk.api.image.GrayImage;

/** A scan's pixels in one array, for the searches that read a page many times over. */
final class Raster {

	final int width;
	final int height;
	private final byte[] pixels;

	Raster(GrayImage image) {
		this.width = image.width();
		this.height = image.height();
		this.pixels = image.pixels();
	}

	/** Gray 0..255; outside the image is white paper. */
	int gray(int x, int y) {
		if (x < 0 || y < 0 || x >= width || y >= height) {
			return GrayImage.WHITE;
		}
		return pixels[y * width + x] & 0xFF;
	}

	boolean isInk(int x, int y) {
		return gray(x, y) < GrayImage.INK_LEVEL;
	}
}
