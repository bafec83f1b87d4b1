package com.digitdesk.training;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Random;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;

/**
 * Makes a training digit look like another person wrote it: optionally an
 * elastic wobble, then a small rotation, shift and scale (what a scan and a
 * hurried hand do) and a thinner or bolder stroke (pens differ).
 *
 * @param scanRoundTrip put 1 in 4 digits through {@link #scanRoundTrip(byte[], int, DigitNormalizer)}
 * @param elastic put 1 in 2 digits through an {@link ElasticDistortion} first
 * @param normalizer normalizes the scanned digits again, as the segmenter does
 */
record Augmenter(boolean scanRoundTrip, boolean elastic, DigitNormalizer normalizer) {

	static final double MAX_ROTATION_DEGREES = 12;
	static final double MAX_SHIFT_PIXELS = 2.5;
	static final double MAX_SCALE_CHANGE = 0.12;
	static final String DESCRIPTION = "rotation +-12 deg, shift +-2.5 px, scale +-12%, stroke thinner/bolder (1 in 3 each)";
	static final String SCAN_ROUND_TRIP = ", scan round trip (1 in 4: 3x up, thresholded, normalized again)";
	/** Upsampling of the scan round trip: about a written digit at 200 dpi. */
	private static final int SCAN_FACTOR = 3;

	/** What this augmenter does, for the model card. */
	String description() {
		return (elastic ? ElasticDistortion.DESCRIPTION + " (1 in 2), " : "") + DESCRIPTION
				+ (scanRoundTrip ? SCAN_ROUND_TRIP : "");
	}

	/** Writes an augmented copy of {@code source} (784 bytes at {@code offset}) into {@code target}. */
	void augment(byte[] source, int offset, byte[] target, int targetOffset, Random random) {
		double angle = Math.toRadians((random.nextDouble() * 2 - 1) * MAX_ROTATION_DEGREES);
		double scale = 1 + (random.nextDouble() * 2 - 1) * MAX_SCALE_CHANGE;
		double shiftX = (random.nextDouble() * 2 - 1) * MAX_SHIFT_PIXELS;
		double shiftY = (random.nextDouble() * 2 - 1) * MAX_SHIFT_PIXELS;
		double centre = DigitImage.SIDE / 2.0;
		AffineTransform transform = new AffineTransform();
		transform.translate(centre + shiftX, centre + shiftY);
		transform.rotate(angle);
		transform.scale(scale, scale);
		transform.translate(-centre, -centre);

		byte[] pixels = new byte[DigitImage.PIXELS];
		System.arraycopy(source, offset, pixels, 0, DigitImage.PIXELS);
		if (elastic && random.nextBoolean()) {
			pixels = ElasticDistortion.apply(pixels, random);
		}
		Raster in = Raster.createInterleavedRaster(new DataBufferByte(pixels, pixels.length), DigitImage.SIDE,
				DigitImage.SIDE, DigitImage.SIDE, 1, new int[] { 0 }, null);
		WritableRaster out = in.createCompatibleWritableRaster();
		new AffineTransformOp(transform, AffineTransformOp.TYPE_BILINEAR).filter(in, out);
		byte[] moved = new byte[DigitImage.PIXELS];
		out.getDataElements(0, 0, DigitImage.SIDE, DigitImage.SIDE, moved);

		switch (random.nextInt(3)) {
			case 0 -> morph(moved, true);
			case 1 -> morph(moved, false);
			default -> {
			}
		}
		if (scanRoundTrip && random.nextInt(4) == 0) {
			moved = scanRoundTrip(moved, 80 + random.nextInt(97), normalizer);
		}
		System.arraycopy(moved, 0, target, targetOffset, DigitImage.PIXELS);
	}

	/**
	 * What the form reader does to a written digit: seen at scan resolution,
	 * thresholded by a bilevel scanner, cut out and normalized again. Keeps
	 * the network used to crisp-edged, renormalized glyphs, not only MNIST's.
	 */
	static byte[] scanRoundTrip(byte[] pixels, int threshold, DigitNormalizer normalizer) {
		int side = DigitImage.SIDE * SCAN_FACTOR;
		Raster in = Raster.createInterleavedRaster(new DataBufferByte(pixels.clone(), pixels.length), DigitImage.SIDE,
				DigitImage.SIDE, DigitImage.SIDE, 1, new int[] { 0 }, null);
		WritableRaster big = Raster.createInterleavedRaster(DataBufferByte.TYPE_BYTE, side, side, 1, null);
		new AffineTransformOp(AffineTransform.getScaleInstance(SCAN_FACTOR, SCAN_FACTOR),
				AffineTransformOp.TYPE_BILINEAR).filter(in, big);
		byte[] scanned = new byte[side * side];
		big.getDataElements(0, 0, side, side, scanned);
		for (int i = 0; i < scanned.length; i++) {
			scanned[i] = (scanned[i] & 0xFF) >= threshold ? (byte) 255 : 0;
		}
		DigitImage normalized = normalizer.normalize(side, side, scanned);
		return normalized.pixels();
	}

	/**
	 * Bolder ({@code dilate}) or thinner stroke: a 2x2 maximum or minimum,
	 * blended half-way so that the stroke changes by about half a pixel.
	 */
	static void morph(byte[] pixels, boolean dilate) {
		byte[] copy = pixels.clone();
		int side = DigitImage.SIDE;
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				int extreme = copy[y * side + x] & 0xFF;
				for (int dy = 0; dy <= 1; dy++) {
					for (int dx = 0; dx <= 1; dx++) {
						int nx = Math.min(side - 1, x + dx), ny = Math.min(side - 1, y + dy);
						int value = copy[ny * side + nx] & 0xFF;
						extreme = dilate ? Math.max(extreme, value) : Math.min(extreme, value);
					}
				}
				int original = copy[y * side + x] & 0xFF;
				pixels[y * side + x] = (byte) ((original + extreme + 1) / 2);
			}
		}
	}
}
