package com.digitdesk.api.recognition;

import java.util.Arrays;
import java.util.Objects;

/**
 * A digit normalized the way MNIST is: 28x28 pixels, row-major, ink bright on
 * a dark background (0 = background, 255 = full ink), the glyph fitted into
 * the central 20x20 box and centred by its centre of mass.
 *
 * <p>Immutable: the constructor and {@link #pixels()} copy the array.
 */
public record DigitImage(byte[] pixels) {

	public static final int SIDE = 28;
	public static final int PIXELS = SIDE * SIDE;

	public DigitImage {
		Objects.requireNonNull(pixels, "pixels");
		if (pixels.length != PIXELS) {
			throw new IllegalArgumentException("a digit image has " + PIXELS + " pixels, got " + pixels.length);
		}
		pixels = pixels.clone();
	}

	/** An image with no ink, e.g. an empty cell. */
	public static DigitImage blank() {
		return new DigitImage(new byte[PIXELS]);
	}

	/**
	 * Normalizes a glyph the way MNIST was made: the ink's bounding box is
	 * scaled (keeping its aspect ratio) to fit a 20x20 box, then placed in the
	 * 28x28 frame so that its centre of mass is at the centre.
	 *
	 * @param width columns of {@code ink}
	 * @param height rows of {@code ink}
	 * @param ink row-major ink values, 0 = none, 255 = full ink (MNIST polarity)
	 * @return the normalized glyph; {@link #blank()} when there is no ink
	 */
	public static DigitImage normalize(int width, int height, byte[] ink) {
		return GlyphNormalizer.normalize(width, height, ink);
	}

	/** Copies 784 bytes from {@code source} starting at {@code offset}. */
	public static DigitImage copyOf(byte[] source, int offset) {
		return new DigitImage(Arrays.copyOfRange(source, offset, offset + PIXELS));
	}

	@Override
	public byte[] pixels() {
		return pixels.clone();
	}

	/** Ink 0..255 at column {@code x}, row {@code y}. */
	public int ink(int x, int y) {
		Objects.checkIndex(x, SIDE);
		Objects.checkIndex(y, SIDE);
		return pixels[y * SIDE + x] & 0xFF;
	}

	/** Copies the pixels into {@code target} at {@code offset}, for batching without garbage. */
	public void copyTo(byte[] target, int offset) {
		System.arraycopy(pixels, 0, target, offset, PIXELS);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DigitImage image && Arrays.equals(image.pixels, pixels);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(pixels);
	}

	@Override
	public String toString() {
		return "DigitImage[28x28]";
	}
}
