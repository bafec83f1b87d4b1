package com.digitdesk.segment;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

import org.osgi.service.component.annotations.Component;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;

/**
 * MNIST's normalization: the segmenter's own for the glyphs it cuts, and a
 * service for whoever must make glyphs that look like them (training data).
 */
@Component
public final class GlyphNormalizer implements DigitNormalizer {

	private static final int BOX = 20;
	/** Half ink: where a stroke's soft edge is drawn. */
	private static final int CORE_INK = 128;

	@Override
	public DigitImage normalize(int width, int height, byte[] ink) {
		if (ink.length != width * height) {
			throw new IllegalArgumentException("expected " + (width * height) + " ink values, got " + ink.length);
		}
		int[] all = bounds(width, height, ink, 1);
		if (all == null) {
			return DigitImage.blank();
		}
		ink = fullContrast(ink);
		// The 20x20 box holds the stroke as drawn (its half-ink outline), as in
		// MNIST, where it was fitted on the binary original: the soft edge
		// around it may stick out, it does not shrink the digit.
		int[] core = bounds(width, height, ink, CORE_INK);
		int[] fit = core != null ? core : all;
		double scale = (double) BOX / Math.max(fit[2] - fit[0] + 1, fit[3] - fit[1] + 1);
		int left = all[0];
		int top = all[1];
		int boxWidth = all[2] - left + 1;
		int boxHeight = all[3] - top + 1;
		int scaledWidth = Math.max(1, (int) Math.round(boxWidth * scale));
		int scaledHeight = Math.max(1, (int) Math.round(boxHeight * scale));
		byte[] scaled = resample(crop(ink, width, left, top, boxWidth, boxHeight), boxWidth, boxHeight, scaledWidth,
				scaledHeight);

		// Centre of mass of the scaled glyph, then shift it to where MNIST has
		// it: pixel (14, 14) of the 28x28 frame (its mean over the test set is
		// 14.01, 13.99), not the geometric centre 13.5.
		double mass = 0, sumX = 0, sumY = 0;
		for (int y = 0; y < scaledHeight; y++) {
			for (int x = 0; x < scaledWidth; x++) {
				int value = scaled[y * scaledWidth + x] & 0xFF;
				mass += value;
				sumX += value * x;
				sumY += value * y;
			}
		}
		if (mass == 0) {
			return DigitImage.blank();
		}
		int offsetX = (int) Math.round(DigitImage.SIDE / 2.0 - sumX / mass);
		int offsetY = (int) Math.round(DigitImage.SIDE / 2.0 - sumY / mass);
		byte[] frame = new byte[DigitImage.PIXELS];
		for (int y = 0; y < scaledHeight; y++) {
			int targetY = y + offsetY;
			if (targetY < 0 || targetY >= DigitImage.SIDE) {
				continue;
			}
			for (int x = 0; x < scaledWidth; x++) {
				int targetX = x + offsetX;
				if (targetX >= 0 && targetX < DigitImage.SIDE) {
					frame[targetY * DigitImage.SIDE + targetX] = scaled[y * scaledWidth + x];
				}
			}
		}
		return new DigitImage(frame);
	}

	/**
	 * The ink stretched so that its darkest pixel is full ink, as the core of
	 * every MNIST stroke is. A thin stroke scanned in gray and blurred may
	 * nowhere reach half ink: its drawn outline would shrink to a few pixels
	 * and be blown up to fill the 20x20 box.
	 */
	private static byte[] fullContrast(byte[] ink) {
		int darkest = 0;
		for (byte value : ink) {
			darkest = Math.max(darkest, value & 0xFF);
		}
		if (darkest == 255) {
			return ink;
		}
		byte[] stretched = new byte[ink.length];
		for (int i = 0; i < ink.length; i++) {
			stretched[i] = (byte) Math.round((ink[i] & 0xFF) * 255.0 / darkest);
		}
		return stretched;
	}

	/** {left, top, right, bottom} of the pixels with at least {@code level} ink, or null if there are none. */
	private static int[] bounds(int width, int height, byte[] ink, int level) {
		int left = width, right = -1, top = height, bottom = -1;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if ((ink[y * width + x] & 0xFF) >= level) {
					left = Math.min(left, x);
					right = Math.max(right, x);
					top = Math.min(top, y);
					bottom = Math.max(bottom, y);
				}
			}
		}
		return right < 0 ? null : new int[] { left, top, right, bottom };
	}

	private static byte[] crop(byte[] ink, int width, int left, int top, int cropWidth, int cropHeight) {
		byte[] out = new byte[cropWidth * cropHeight];
		for (int y = 0; y < cropHeight; y++) {
			System.arraycopy(ink, (top + y) * width + left, out, y * cropWidth, cropWidth);
		}
		return out;
	}

	/**
	 * Bilinear resample by Java 2D, on the raster itself so that no colour
	 * conversion touches the gray values. Large reductions go in halving steps
	 * so that thin strokes are averaged, not skipped.
	 */
	private static byte[] resample(byte[] pixels, int width, int height, int newWidth, int newHeight) {
		Raster source = Raster.createInterleavedRaster(new DataBufferByte(pixels, pixels.length), width, height, width,
				1, new int[] { 0 }, null);
		while (width > 2 * newWidth && height > 2 * newHeight) {
			width = (width + 1) / 2;
			height = (height + 1) / 2;
			source = scale(source, width, height);
		}
		Raster target = scale(source, newWidth, newHeight);
		byte[] out = new byte[newWidth * newHeight];
		target.getDataElements(0, 0, newWidth, newHeight, out);
		return out;
	}

	private static Raster scale(Raster source, int newWidth, int newHeight) {
		AffineTransform scale = AffineTransform.getScaleInstance((double) newWidth / source.getWidth(),
				(double) newHeight / source.getHeight());
		WritableRaster target = source.createCompatibleWritableRaster(newWidth, newHeight);
		new AffineTransformOp(scale, AffineTransformOp.TYPE_BILINEAR).filter(source, target);
		return target;
	}
}
