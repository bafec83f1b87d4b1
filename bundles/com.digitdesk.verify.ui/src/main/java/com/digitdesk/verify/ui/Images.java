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

	/** A normalized glyph (ink bright, as the recognizer sees it) drawn dark on light, {@code scale} times its size. */
	static Image glyph(Display display, DigitImage glyph, int scale) {
		byte[] pixels = glyph.pixels();
		int side = DigitImage.SIDE * scale;
		ImageData data = new ImageData(side, side, 8, GRAYS);
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				data.setPixel(x, y, 255 - (pixels[(y / scale) * DigitImage.SIDE + x / scale] & 0xFF));
			}
		}
		return new Image(display, data);
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
