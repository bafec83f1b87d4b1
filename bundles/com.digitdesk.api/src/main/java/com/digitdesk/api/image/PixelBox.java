package com.digitdesk.api.image;

/**
 * An axis-aligned rectangle in pixel coordinates of a page raster: origin at
 * the top-left corner, x to the right, y down.
 *
 * @param x left column
 * @param y top row
 * @param width columns, at least 0
 * @param height rows, at least 0
 */
public record PixelBox(int x, int y, int width, int height) {

	public PixelBox {
		if (width < 0 || height < 0) {
			throw new IllegalArgumentException("box size must not be negative, was " + width + "x" + height);
		}
	}

	public int right() {
		return x + width;
	}

	public int bottom() {
		return y + height;
	}

	public boolean isEmpty() {
		return width == 0 || height == 0;
	}

	/** The smallest box holding both boxes. */
	public PixelBox union(PixelBox other) {
		int left = Math.min(x, other.x);
		int top = Math.min(y, other.y);
		return new PixelBox(left, top, Math.max(right(), other.right()) - left,
				Math.max(bottom(), other.bottom()) - top);
	}
}
