package com.digitdesk.api.training;

import java.util.Objects;

import com.digitdesk.api.recognition.DigitImage;

/**
 * A digit image with its true label.
 *
 * @param image the normalized glyph
 * @param label 0..9
 * @param origin where the label comes from
 * @param reference where to find the sample again (dataset index, field id)
 */
public record LabelledDigit(DigitImage image, int label, SampleOrigin origin, String reference) {

	public LabelledDigit {
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(reference, "reference");
		if (label < 0 || label > 9) {
			throw new IllegalArgumentException("label must be 0..9, was " + label);
		}
	}
}
