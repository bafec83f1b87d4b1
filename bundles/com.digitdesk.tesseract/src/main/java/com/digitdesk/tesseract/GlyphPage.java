package com.digitdesk.tesseract;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

import com.digitdesk.api.recognition.DigitImage;

/**
 * Turns an MNIST glyph (bright ink on black, 28x28) into the page Tesseract
 * is made for: black ink on white paper, upright, with a white margin, since
 * Tesseract finds no character that touches the page's edge.
 *
 * <p>The glyph keeps its size (20 pixels tall): measured on MNIST training
 * digits, Tesseract read fewer of them the more they were enlarged (4x: 25%
 * right, 1x: 36%). Handwriting leans and Tesseract reads upright print, so
 * the glyph is first deslanted (42% right).
 */
final class GlyphPage {

	static final int MARGIN = 16;
	static final int SIDE = DigitImage.SIDE + 2 * MARGIN;
	/** Leans beyond 45 degrees are not handwriting but e.g. a dash; left alone. */
	private static final double MAX_SLANT = 1;

	private GlyphPage() {
	}

	/** A {@link BufferedImage#TYPE_BYTE_GRAY} page of {@link #SIDE} x {@link #SIDE} pixels. */
	static BufferedImage of(DigitImage glyph) {
		Raster ink = Raster.createInterleavedRaster(new DataBufferByte(glyph.pixels(), DigitImage.PIXELS),
				DigitImage.SIDE, DigitImage.SIDE, DigitImage.SIDE, 1, new int[] { 0 }, null);
		// Transformed on the raster itself, in ink polarity, so that no colour
		// conversion touches the values and whatever the filter leaves
		// unwritten stays background.
		WritableRaster upright = ink.createCompatibleWritableRaster(SIDE, SIDE);
		AffineTransform placement = AffineTransform.getTranslateInstance(MARGIN, MARGIN);
		placement.concatenate(deslant(glyph));
		new AffineTransformOp(placement, AffineTransformOp.TYPE_BILINEAR).filter(ink, upright);

		BufferedImage page = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
		byte[] paper = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
		byte[] inked = ((DataBufferByte) upright.getDataBuffer()).getData();
		for (int i = 0; i < paper.length; i++) {
			paper[i] = (byte) (255 - (inked[i] & 0xFF));
		}
		return page;
	}

	/**
	 * The shear that stands the glyph up: each row moves sideways in
	 * proportion to its height above the centre of mass, by the slant the
	 * ink's second moments give (mu11 / mu02), the classic MNIST deskew.
	 */
	static AffineTransform deslant(DigitImage glyph) {
		double mass = 0, sumX = 0, sumY = 0;
		for (int y = 0; y < DigitImage.SIDE; y++) {
			for (int x = 0; x < DigitImage.SIDE; x++) {
				int value = glyph.ink(x, y);
				mass += value;
				sumX += value * x;
				sumY += value * y;
			}
		}
		if (mass == 0) {
			return new AffineTransform();
		}
		double centreX = sumX / mass;
		double centreY = sumY / mass;
		double mu11 = 0, mu02 = 0;
		for (int y = 0; y < DigitImage.SIDE; y++) {
			for (int x = 0; x < DigitImage.SIDE; x++) {
				int value = glyph.ink(x, y);
				mu11 += value * (x - centreX) * (y - centreY);
				mu02 += value * (y - centreY) * (y - centreY);
			}
		}
		if (mu02 == 0) {
			return new AffineTransform();
		}
		double slant = Math.max(-MAX_SLANT, Math.min(MAX_SLANT, mu11 / mu02));
		// x' = x - slant * (y - centreY), y' = y
		return new AffineTransform(1, 0, -slant, 1, slant * centreY, 0);
	}
}
