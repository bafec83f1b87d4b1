package com.digitdesk.api.training;

import java.util.Objects;

/**
 * Class probabilities of a set of glyphs, {@link EvaluableRecognizer#CLASSES}
 * per glyph in glyph order.
 *
 * @param calibrated as the recognizer reports them
 * @param raw the same from the networks' plain softmax (temperature 1), to
 *        measure what calibration gives
 * @param secondOpinions how many glyphs the second model was asked about
 * @param shiftedViews how many glyphs were also read shifted
 */
public record Scores(double[] calibrated, double[] raw, int secondOpinions, int shiftedViews) {

	public Scores {
		Objects.requireNonNull(calibrated, "calibrated");
		Objects.requireNonNull(raw, "raw");
		if (calibrated.length != raw.length) {
			throw new IllegalArgumentException(
					"calibrated and raw probabilities differ in length: " + calibrated.length + " vs " + raw.length);
		}
	}
}
