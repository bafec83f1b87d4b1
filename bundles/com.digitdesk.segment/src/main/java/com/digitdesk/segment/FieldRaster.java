package com.digitdesk.segment;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.TemplateBox;

/**
 * A region of the page resampled into template-aligned pixels: the scan's
 * rotation, shift and scale undone, so that the form's printed lines are
 * straight rows and columns at known places. Holds ink in MNIST polarity
 * (0 paper .. 255 ink).
 */
final class FieldRaster {

	final TemplateBox region;
	final double pixelsPerPoint;
	final int width;
	final int height;
	final byte[] ink;
	private final int paleInk;
	private final PageTransform transform;

	private FieldRaster(TemplateBox region, double pixelsPerPoint, int width, int height, byte[] ink, int paleInk,
			PageTransform transform) {
		this.region = region;
		this.pixelsPerPoint = pixelsPerPoint;
		this.width = width;
		this.height = height;
		this.ink = ink;
		this.paleInk = paleInk;
		this.transform = transform;
	}

	/** Resamples {@code region} (template points) at the scan's own resolution. */
	static FieldRaster warp(PageRaster page, PageTransform transform, TemplateBox region) {
		double r = transform.scale();
		int width = Math.max(1, (int) Math.ceil(region.width() * r));
		int height = Math.max(1, (int) Math.ceil(region.height() * r));
		byte[] ink = new byte[width * height];
		for (int v = 0; v < height; v++) {
			double y = region.y() + (v + 0.5) / r;
			// Walk the row incrementally: the map is affine.
			double x0 = region.x() + 0.5 / r;
			double px = transform.pixelX(x0, y);
			double py = transform.pixelY(x0, y);
			double stepX = transform.a() / r;
			double stepY = transform.d() / r;
			for (int u = 0; u < width; u++) {
				ink[v * width + u] = (byte) (255 - (int) Math.round(page.sample(px, py)));
				px += stepX;
				py += stepY;
			}
		}
		return new FieldRaster(region, r, width, height, ink, page.paleInk(), transform);
	}

	int toX(double xPoints) {
		return (int) Math.round((xPoints - region.x()) * pixelsPerPoint);
	}

	int toY(double yPoints) {
		return (int) Math.round((yPoints - region.y()) * pixelsPerPoint);
	}

	/** Clears the ink in a box given in template points (a printed line, the dollar sign). */
	void erase(double x, double y, double w, double h) {
		int left = Math.max(0, toX(x));
		int top = Math.max(0, toY(y));
		int right = Math.min(width, toX(x + w));
		int bottom = Math.min(height, toY(y + h));
		for (int v = top; v < bottom; v++) {
			for (int u = left; u < right; u++) {
				ink[v * width + u] = 0;
			}
		}
	}

	/**
	 * A binary mask of the ink: strong enough to be a stroke, not paper noise.
	 * On a pale gray scan a light stroke passes the ink level only in pieces,
	 * so paler pixels joined to such ink count too, down to the page's
	 * {@link PageRaster#paleInk()} (hysteresis): they mend the stroke, while a
	 * pale speck on its own stays paper.
	 */
	byte[] mask() {
		byte[] mask = new byte[ink.length];
		for (int i = 0; i < ink.length; i++) {
			mask[i] = (ink[i] & 0xFF) > PageRaster.STROKE_INK ? (byte) 1 : 0;
		}
		if (paleInk < PageRaster.STROKE_INK) {
			joinPaleInk(mask);
		}
		return mask;
	}

	/** Grows the mask through the pixels above {@link #paleInk} that touch it (8-connected). */
	private void joinPaleInk(byte[] mask) {
		int[] pending = new int[ink.length];
		int count = 0;
		for (int i = 0; i < mask.length; i++) {
			if (mask[i] != 0) {
				pending[count++] = i;
			}
		}
		while (count > 0) {
			int i = pending[--count];
			int x = i % width;
			int y = i / width;
			for (int v = Math.max(0, y - 1); v <= Math.min(height - 1, y + 1); v++) {
				for (int u = Math.max(0, x - 1); u <= Math.min(width - 1, x + 1); u++) {
					int j = v * width + u;
					if (mask[j] == 0 && (ink[j] & 0xFF) > paleInk) {
						mask[j] = 1;
						pending[count++] = j;
					}
				}
			}
		}
	}

	/** Where a box of this raster's pixels is on the page, as the smallest page-pixel box around it. */
	PixelBox pageBox(int left, int top, int right, int bottom) {
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (int corner = 0; corner < 4; corner++) {
			double x = region.x() + ((corner & 1) == 0 ? left : right) / pixelsPerPoint;
			double y = region.y() + ((corner & 2) == 0 ? top : bottom) / pixelsPerPoint;
			double px = transform.pixelX(x, y);
			double py = transform.pixelY(x, y);
			minX = Math.min(minX, px);
			minY = Math.min(minY, py);
			maxX = Math.max(maxX, px);
			maxY = Math.max(maxY, py);
		}
		int x = (int) Math.floor(Math.max(0, minX));
		int y = (int) Math.floor(Math.max(0, minY));
		return new PixelBox(x, y, Math.max(0, (int) Math.ceil(maxX) - x), Math.max(0, (int) Math.ceil(maxY) - y));
	}

	PixelBox pageBox(TemplateBox box) {
		return pageBox(toX(box.x()), toY(box.y()), toX(box.right()), toY(box.bottom()));
	}
}
