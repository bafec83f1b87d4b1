package com.digitdesk.api.segmentation;

import java.util.List;
import java.util.Objects;

import com.digitdesk.api.image.PixelBox;

/**
 * The glyphs of one field, in reading order.
 *
 * @param fieldName the template field
 * @param fieldBox the field on the page raster
 * @param glyphs the digit positions; for cell fields one per cell, empty
 *        cells included
 * @param centsStart for amounts, the index in {@code glyphs} where the cents
 *        begin, or -1 when no cents separator was found or for cell fields
 * @param problems what went wrong while cutting, for the review queue
 */
public record SegmentedField(String fieldName, PixelBox fieldBox, List<Glyph> glyphs, int centsStart,
		List<String> problems) {

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
		return value.isEmpty() || centsStart < 0 ? value
				: value.substring(0, centsStart) + "." + value.substring(centsStart);
	}

	/** The glyphs that hold ink. */
	public List<Glyph> writtenGlyphs() {
		return glyphs.stream().filter(g -> !g.empty()).toList();
	}
}
