package com.digitdesk.corpus;

import java.util.List;

import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.segmentation.SegmentedField;

/**
 * A field's value as read: the recognized digits of its written glyphs, in
 * the normalized form of the ground truth (see {@link SegmentedField#value};
 * a glyph read as no digit shows as '?').
 */
final class FieldReading {

	private FieldReading() {
	}

	/** @param predictions one per written glyph of {@code field}, in order */
	static String value(SegmentedField field, List<DigitPrediction> predictions) {
		StringBuilder written = new StringBuilder();
		for (DigitPrediction prediction : predictions) {
			written.append(prediction.isDigit() ? (char) ('0' + prediction.top().digit()) : '?');
		}
		return field.value(written);
	}

	/** The digits of a normalized value, for counting them against the glyphs. */
	static String digits(String value) {
		return value.replace(".", "");
	}
}
