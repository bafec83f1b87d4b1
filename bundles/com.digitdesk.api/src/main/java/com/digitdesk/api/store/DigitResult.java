package com.digitdesk.api.store;

import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;

/**
 * One digit position of a stored field: the glyph a clerk sees and the
 * recognizer's ranked classes. The glyph is kept for review and retraining.
 *
 * @param position 0-based position in the field
 * @param pageBox where it is on the page raster
 * @param image the normalized glyph
 * @param prediction the recognizer's answer; empty for an empty cell
 */
public record DigitResult(int position, PixelBox pageBox, DigitImage image, Optional<DigitPrediction> prediction) {

	public DigitResult {
		Objects.requireNonNull(pageBox, "pageBox");
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(prediction, "prediction");
	}
}
