package com.digitdesk.intake;

import java.util.List;

import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldSpec;

/**
 * A field as cut and recognized, before routing.
 *
 * @param spec the template field
 * @param segmented its glyphs, empty cells included
 * @param predictions one per written glyph, in order
 */
record ReadField(FieldSpec spec, SegmentedField segmented, List<DigitPrediction> predictions) {

	ReadField {
		predictions = List.copyOf(predictions);
		if (predictions.size() != segmented.writtenGlyphs().size()) {
			throw new IllegalArgumentException(spec.name() + ": " + predictions.size() + " predictions for "
					+ segmented.writtenGlyphs().size() + " written glyphs");
		}
	}

	/**
	 * The value in the store's normalized form: the digits read ('?' for a
	 * glyph that is no digit), amounts with a dot before the cents, "" when
	 * nothing is written.
	 */
	String value() {
		StringBuilder digits = new StringBuilder();
		for (DigitPrediction prediction : predictions) {
			digits.append(prediction.isDigit() ? (char) ('0' + prediction.top().digit()) : '?');
		}
		if (!spec.isCellField() && digits.length() > 0 && segmented.centsStart() >= 0) {
			digits.insert(segmented.centsStart(), '.');
		}
		return digits.toString();
	}

	/** The probability that every written digit is what was read. */
	double confidence() {
		double confidence = 1;
		for (DigitPrediction prediction : predictions) {
			confidence *= prediction.confidence();
		}
		return confidence;
	}
}
