package com.digitdesk.api.recognition;

import java.util.Arrays;
import java.util.Objects;

/**
 * A digit normalized the way MNIST is: 28x28 pixels, row-major, ink bright on
 * a dark background (0 = background, 255 = full ink), the glyph fitted into
 * the central 20x20 box and centred by its centre of mass ({@link DigitNormalizer}
 * makes one from a cut glyph).
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
