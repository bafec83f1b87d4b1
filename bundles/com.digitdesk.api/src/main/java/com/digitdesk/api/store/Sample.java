package com.digitdesk.api.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.recognition.DigitImage;

/**
 * A verified digit kept for training: the glyph as the recognizer saw it and
 * the label a clerk gave it, with where it came from.
 *
 * @param id the sample's number in the store
 * @param fieldId the field of the decision
 * @param position the digit's position in the field
 * @param image the 28x28 glyph
 * @param label 0-9, or -1 for "not a digit"
 * @param readProbability the reading model's probability of the label
 * @param clerk who decided
 * @param at when
 * @param documentId the document of the field
 * @param modelVersion the model that read the field; empty when the reading predates model records
 * @param source where the decision was made: {@code window}, {@code grid} or {@code csv}
 * @param state whether it is used for training
 * @param note why it is suspect, or who confirmed or accepted it
 */
public record Sample(long id, long fieldId, int position, DigitImage image, int label, double readProbability,
		String clerk, Instant at, long documentId, Optional<String> modelVersion, String source, SampleState state,
		String note) {

	public Sample {
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(clerk, "clerk");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(modelVersion, "modelVersion");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(note, "note");
	}
}
