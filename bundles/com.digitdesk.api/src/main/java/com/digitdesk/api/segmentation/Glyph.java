package com.digitdesk.api.segmentation;

import java.util.Objects;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.DigitImage;

/**
 * One digit position of a field.
 *
 * @param position 0-based position within the field, left to right
 * @param pageBox where the glyph is on the page raster, for the review UI
 * @param image the glyph normalized for the recognizer; for an empty cell a
 *        blank image
 * @param empty true for a cell with nothing written in it
 */
public record Glyph(int position, PixelBox pageBox, DigitImage image, boolean empty) {

	public Glyph {
		Objects.requireNonNull(pageBox, "pageBox");
		Objects.requireNonNull(image, "image");
		if (position < 0) {
			throw new IllegalArgumentException("position must not be negative");
		}
	}
}
