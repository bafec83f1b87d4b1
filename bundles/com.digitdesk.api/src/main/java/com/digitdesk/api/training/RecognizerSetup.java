package com.digitdesk.api.training;

import java.util.Objects;

/**
 * The models and settings an {@link EvaluableRecognizer} reads with.
 *
 * @param modelSha256 SHA-256 of the first model's graph file
 * @param architecture the first model's architecture, as its card names it
 * @param temperature the first model's calibration temperature
 * @param secondModelSha256 SHA-256 of the second model's graph file, asked
 *        about the glyphs the first is unsure of; null when there is none
 * @param secondOpinionBelow top probability under which the second model is asked
 * @param shiftedViewsBelow top probability under which a glyph is also read
 *        shifted by a pixel each way (0: never)
 * @param modelLocation the first model on disk, without extension
 *        ({@code PATH.sd}, {@code PATH.json}): what a fine-tuning run goes
 *        on from; empty when not known
 */
public record RecognizerSetup(String modelSha256, String architecture, double temperature, String secondModelSha256,
		double secondOpinionBelow, double shiftedViewsBelow, String modelLocation) {

	public RecognizerSetup {
		Objects.requireNonNull(modelSha256, "modelSha256");
		Objects.requireNonNull(architecture, "architecture");
		Objects.requireNonNull(modelLocation, "modelLocation");
	}

	/** The setup of a recognizer that does not say where its model lies. */
	public RecognizerSetup(String modelSha256, String architecture, double temperature, String secondModelSha256,
			double secondOpinionBelow, double shiftedViewsBelow) {
		this(modelSha256, architecture, temperature, secondModelSha256, secondOpinionBelow, shiftedViewsBelow, "");
	}
}
