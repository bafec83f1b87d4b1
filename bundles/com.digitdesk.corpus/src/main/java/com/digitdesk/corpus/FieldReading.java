package com.digitdesk.corpus;

import java.util.List;

import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldKind;

/**
 * A field's value as read: the recognized digits of its written glyphs, in
 * the normalized form of the ground truth ("" for an empty field; amounts
 * "dollars.cents"; a glyph read as no digit shows as '?').
 */
final class FieldReading {

	private FieldReading() {
	}

	/** @param predictions one per written glyph of {@code field}, in order */
	static String value(FieldKind kind, SegmentedField field, List<DigitPrediction> predictions) {
		StringBuilder digits = new StringBuilder();
		for (DigitPrediction prediction : predictions) {
			digits.append(prediction.isDigit() ? (char) ('0' + prediction.top().digit()) : '?');
		}
		if (kind == FieldKind.AMOUNT && digits.length() > 0) {
			digits.insert(field.centsStart(), '.');
		}
		return digits.toString();
	}

	/** The digits of a normalized value, for counting them against the glyphs. */
	static String digits(String value) {
		return value.replace(".", "");
	}
}
