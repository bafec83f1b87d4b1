package com.digitdesk.api.image;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An 8-bit grayscale raster, row-major, one byte per pixel, as scanned paper
 * looks: 0 is black ink, 255 is white paper.
 *
 * <p>The pixel array is owned by the image: the constructor and
 * {@link #pixels()} copy it, so an image can be shared between threads.
 * Stages that need raw speed read single pixels with {@link #gray(int, int)}
 * or take one copy with {@link #pixels()}.
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param pixels {@code width * height} gray values
 */
public record GrayImage(int width, int height, byte[] pixels) {

	public static final int BLACK = 0;
	public static final int WHITE = 255;
	/**
	 * Darker than this is ink on a scanned page: low enough for the grey of a
	 * light pen on a grey scan, high enough above paper noise (specks are told
	 * apart by size, not by gray). Every stage that reads a page's ink reads it
	 * with this level.
	 */
	public static final int INK_LEVEL = 185;

	public GrayImage {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
		}
		Objects.requireNonNull(pixels, "pixels");
		if (pixels.length != (long) width * height) {
			throw new IllegalArgumentException(
					"expected " + ((long) width * height) + " pixels for " + width + "x" + height + ", got " + pixels.length);
		}
		pixels = pixels.clone();
	}

	/** A white image of the given size. */
	public static GrayImage blank(int width, int height) {
		byte[] white = new byte[width * height];
		Arrays.fill(white, (byte) WHITE);
		return new GrayImage(width, height, white);
	}

	/** A copy of the pixels. */
	@Override
	public byte[] pixels() {
		return pixels.clone();
	}

	/**
	 * The pixels without a copy, read-only: for stages that scan whole pages
	 * many times (gray at {@code y * width + x}).
	 */
	public ByteBuffer view() {
		return ByteBuffer.wrap(pixels).asReadOnlyBuffer();
	}

	/** Gray value 0..255 at column {@code x}, row {@code y}. */
	public int gray(int x, int y) {
		Objects.checkIndex(x, width);
		Objects.checkIndex(y, height);
		return pixels[y * width + x] & 0xFF;
	}

	/**
	 * True when the pixel is ink (darker than {@link #INK_LEVEL}); outside the
	 * image is white paper, so a search may run past the page's edge.
	 */
	public boolean isInk(int x, int y) {
		if (x < 0 || y < 0 || x >= width || y >= height) {
			return false;
		}
		return (pixels[y * width + x] & 0xFF) < INK_LEVEL;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof GrayImage image && image.width == width && image.height == height
				&& Arrays.equals(image.pixels, pixels);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * width + height) + Arrays.hashCode(pixels);
	}

	@Override
	public String toString() {
		return "GrayImage[" + width + "x" + height + "]";
	}
}
