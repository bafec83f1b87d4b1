package com.digitdesk.api.reading;

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
public record ReadField(FieldSpec spec, SegmentedField segmented, List<DigitPrediction> predictions) {

	public ReadField {
		predictions = List.copyOf(predictions);
		if (predictions.size() != segmented.writtenGlyphs().size()) {
			throw new IllegalArgumentException(spec.name() + ": " + predictions.size() + " predictions for "
					+ segmented.writtenGlyphs().size() + " written glyphs");
		}
	}

	/** The value in the store's normalized form ('?' for a glyph read as no digit outside cells). */
	public String value() {
		return segmented.read(predictions, spec.isCellField());
	}

	/** The probability that every written digit is what was read. */
	public double confidence() {
		double confidence = 1;
		for (DigitPrediction prediction : predictions) {
			confidence *= prediction.confidence();
		}
		return confidence;
	}
}
