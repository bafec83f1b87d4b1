package com.digitdesk.api.segmentation;

import java.util.List;
import java.util.Objects;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;

/**
 * The glyphs of one field, in reading order.
 *
 * @param fieldName the template field
 * @param fieldBox the field on the page raster
 * @param glyphs the digit positions; for cell fields one per cell, empty
 *        cells included
 * @param centsStart for amounts, the index in {@code glyphs} where the cents
 *        begin; {@code glyphs.size()} for an amount written in whole dollars
 *        (its cents are 00); -1 when no cents separator was found, and for
 *        fields that are no amounts
 * @param problems what went wrong while cutting, for the review queue
 */
public record SegmentedField(String fieldName, PixelBox fieldBox, List<Glyph> glyphs, int centsStart,
		List<String> problems) {

	/**
	 * The problem of an amount read with a point and cents on a page whose
	 * other amounts are written in whole dollars: a speck may have been taken
	 * for a point. Routing weighs it with the cents read: ".00" is what such
	 * writers add now and then, other cents are a doubt.
	 */
	public static final String CENTS_AGAINST_HABIT = "read with a point and cents, while most amounts on the page are written in whole dollars";

	public SegmentedField {
		Objects.requireNonNull(fieldName, "fieldName");
		Objects.requireNonNull(fieldBox, "fieldBox");
		glyphs = List.copyOf(glyphs);
		problems = List.copyOf(problems);
	}

	/**
	 * The field's value in the normalized form the store, the export and the
	 * corpus ground truth share: the characters read for the written glyphs,
	 * with the dot before the cents of an amount ("1234.56"); "" when nothing
	 * is written.
	 *
	 * @param written one character per written glyph, in order (a digit, or
	 *        '?' for a glyph read as no digit)
	 */
	public String value(CharSequence written) {
		String value = written.toString();
		if (value.isEmpty() || centsStart < 0) {
			return value;
		}
		String cents = value.substring(centsStart);
		return value.substring(0, centsStart) + "." + (cents.isEmpty() ? "00" : cents);
	}

	/**
	 * The value as read: each written glyph's top digit, '?' for a glyph
	 * read as no digit. A cell holds one digit whatever else the network
	 * thinks the ink in it might be, so there such a glyph shows its likeliest
	 * digit instead (its doubt stays with its prediction).
	 *
	 * @param predictions one per written glyph, in order
	 * @param oneDigitPerGlyph true for cell fields
	 */
	public String read(List<DigitPrediction> predictions, boolean oneDigitPerGlyph) {
		return value(written(predictions, oneDigitPerGlyph));
	}

	/**
	 * The characters read for the written glyphs, without the cents' dot:
	 * what {@link #read} puts the dot into.
	 */
	public static String written(List<DigitPrediction> predictions, boolean oneDigitPerGlyph) {
		StringBuilder written = new StringBuilder(predictions.size());
		for (DigitPrediction prediction : predictions) {
			int digit = prediction.isDigit() ? prediction.top().digit()
					: oneDigitPerGlyph ? likeliestDigit(prediction) : ClassProbability.NOT_A_DIGIT;
			written.append(digit == ClassProbability.NOT_A_DIGIT ? '?' : (char) ('0' + digit));
		}
		return written.toString();
	}

	private static int likeliestDigit(DigitPrediction prediction) {
		return prediction.ranked().stream().filter(ClassProbability::isDigit).findFirst()
				.map(ClassProbability::digit).orElse(ClassProbability.NOT_A_DIGIT);
	}

	/** The glyphs that hold ink. */
	public List<Glyph> writtenGlyphs() {
		return glyphs.stream().filter(g -> !g.empty()).toList();
	}
}
