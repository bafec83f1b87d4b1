package com.digitdesk.api.recognition;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns the ink of a cut glyph into a {@link DigitImage}, the way MNIST was
 * made, so that what a recognizer learns from and what it reads look alike.
 */
@ProviderType
public interface DigitNormalizer {

	/**
	 * Normalizes a glyph the way MNIST was made: the ink's bounding box is
	 * scaled (keeping its aspect ratio) to fit a 20x20 box, then placed in the
	 * 28x28 frame so that its centre of mass is at the centre.
	 *
	 * @param width columns of {@code ink}
	 * @param height rows of {@code ink}
	 * @param ink row-major ink values, 0 = none, 255 = full ink (MNIST polarity)
	 * @return the normalized glyph; {@link DigitImage#blank()} when there is no ink
	 * @throws IllegalArgumentException when {@code ink} does not hold {@code width * height} values
	 */
	DigitImage normalize(int width, int height, byte[] ink);
}
