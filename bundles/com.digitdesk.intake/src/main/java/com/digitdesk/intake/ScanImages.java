package com.digitdesk.intake;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.PageScan;

/**
 * What a clerk on any workstation sees of a page: the page at half the
 * raster's resolution (enough to find a field on it) and the snippet of each
 * field that waits for a clerk at full resolution (the part a clerk reads),
 * both PNG.
 */
final class ScanImages {

	/** The page image is the raster reduced by this factor in each direction. */
	static final int PAGE_REDUCTION = 2;

	/** A snippet shows the field's box and this share of its height around it. */
	private static final double MARGIN = 0.3;

	private ScanImages() {
	}

	static PageScan of(GrayImage raster, PageResult page) {
		Map<String, FieldImage> snippets = new HashMap<>();
		for (FieldResult field : page.fields()) {
			if (field.box().isPresent() && field.status() == FieldStatus.NEEDS_REVIEW) {
				PixelBox shown = around(field.box().get(), raster);
				if (!shown.isEmpty()) {
					snippets.put(field.name(), new FieldImage(shown, png(crop(raster, shown))));
				}
			}
		}
		return new PageScan(raster.width(), raster.height(), png(reduced(raster)), snippets);
	}

	/** The box with its margin, inside the raster. */
	private static PixelBox around(PixelBox box, GrayImage raster) {
		int margin = (int) Math.round(box.height() * MARGIN);
		int left = Math.max(0, box.x() - margin);
		int top = Math.max(0, box.y() - margin);
		int right = Math.min(raster.width(), box.right() + margin);
		int bottom = Math.min(raster.height(), box.bottom() + margin);
		return new PixelBox(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
	}

	private static BufferedImage crop(GrayImage raster, PixelBox box) {
		BufferedImage image = new BufferedImage(box.width(), box.height(), BufferedImage.TYPE_BYTE_GRAY);
		byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		byte[] source = raster.pixels();
		for (int y = 0; y < box.height(); y++) {
			System.arraycopy(source, (box.y() + y) * raster.width() + box.x(), target, y * box.width(), box.width());
		}
		return image;
	}

	/** Each pixel the mean of a PAGE_REDUCTION-square of the raster. */
	private static BufferedImage reduced(GrayImage raster) {
		int width = Math.max(1, raster.width() / PAGE_REDUCTION);
		int height = Math.max(1, raster.height() / PAGE_REDUCTION);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		byte[] source = raster.pixels();
		int n = PAGE_REDUCTION;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int sum = 0;
				int count = 0;
				for (int dy = 0; dy < n && y * n + dy < raster.height(); dy++) {
					int row = (y * n + dy) * raster.width();
					for (int dx = 0; dx < n && x * n + dx < raster.width(); dx++) {
						sum += source[row + x * n + dx] & 0xFF;
						count++;
					}
				}
				target[y * width + x] = (byte) (sum / count);
			}
		}
		return image;
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		} catch (IOException e) {
			// written to memory: cannot fail but for a missing PNG writer
			throw new UncheckedIOException("encoding a page image as PNG", e);
		}
		return bytes.toByteArray();
	}
}
