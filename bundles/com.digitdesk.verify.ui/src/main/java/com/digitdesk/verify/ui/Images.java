package com.digitdesk.verify.ui;

import java.io.ByteArrayInputStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

import com.digitdesk.api.recognition.DigitImage;

/** Stored pictures as SWT images: the caller disposes them. */
final class Images {

	private static final PaletteData GRAYS;

	static {
		RGB[] grays = new RGB[256];
		for (int i = 0; i < grays.length; i++) {
			grays[i] = new RGB(i, i, i);
		}
		GRAYS = new PaletteData(grays);
	}

	private Images() {
	}

	/** A PNG as stored; null when the bytes are no image SWT reads. */
	static Image png(Display display, byte[] png) {
		try {
			return new Image(display, new ImageData(new ByteArrayInputStream(png)));
		} catch (SWTException e) {
			return null;
		}
	}

	/** Gray levels (0 black, 255 white), row by row, as an image. */
	static Image gray(Display display, int width, int height, byte[] levels) {
		ImageData data = new ImageData(width, height, 8, GRAYS);
		for (int y = 0; y < height; y++) {
			data.setPixels(0, y, width, levels, y * width);
		}
		return new Image(display, data);
	}

	/** A normalized glyph (ink bright, as the recognizer sees it) drawn dark on light, {@code scale} times its size. */
	static Image glyph(Display display, DigitImage glyph, int scale) {
		return glyph(display, glyph, scale, true);
	}

	/** A normalized glyph {@code scale} times its size: dark on light, or as the recognizer sees it. */
	static Image glyph(Display display, DigitImage glyph, int scale, boolean darkOnLight) {
		int flip = darkOnLight ? 255 : 0;
		byte[] pixels = glyph.pixels();
		int side = DigitImage.SIDE * scale;
		ImageData data = new ImageData(side, side, 8, GRAYS);
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				data.setPixel(x, y, flip ^ (pixels[(y / scale) * DigitImage.SIDE + x / scale] & 0xFF));
			}
		}
		return new Image(display, data);
	}

	/**
	 * An image reduced to {@code width} pixels across (height in proportion)
	 * by averaging, as gray; the image itself when it is not wider. Plain
	 * data: made on any thread.
	 */
	static ImageData reduced(ImageData source, int width) {
		if (source.width <= width) {
			return source;
		}
		int height = Math.max(1, (int) ((long) source.height * width / source.width));
		int[] sums = new int[width * height];
		int[] counts = new int[width * height];
		int[] row = new int[source.width];
		for (int y = 0; y < source.height; y++) {
			source.getPixels(0, y, source.width, row, 0);
			int ty = (int) ((long) y * height / source.height);
			for (int x = 0; x < source.width; x++) {
				int tx = (int) ((long) x * width / source.width);
				sums[ty * width + tx] += gray(source, row[x]);
				counts[ty * width + tx]++;
			}
		}
		ImageData reduced = new ImageData(width, height, 8, GRAYS);
		byte[] line = new byte[width];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int i = y * width + x;
				line[x] = (byte) (counts[i] == 0 ? 255 : sums[i] / counts[i]);
			}
			reduced.setPixels(0, y, width, line, 0);
		}
		return reduced;
	}

	private static int gray(ImageData data, int pixel) {
		RGB rgb = data.palette.getRGB(pixel);
		return (rgb.red * 299 + rgb.green * 587 + rgb.blue * 114) / 1000;
	}

	/** Scales an image, for a view that zooms. */
	static Image scaled(Display display, Image image, int width, int height) {
		Image scaled = new Image(display, Math.max(1, width), Math.max(1, height));
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(scaled);
		gc.setInterpolation(SWT.HIGH);
		gc.drawImage(image, 0, 0, image.getBounds().width, image.getBounds().height, 0, 0, width, height);
		gc.dispose();
		return scaled;
	}
}
