package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.segmentation.SegmentedField;

/**
 * One writer fills a page and mostly keeps a habit: amounts with a point and
 * cents, or whole dollars (now and then with ".00" all the same). Where most
 * of the page's amounts in plain boxes show the other habit, a point may have
 * been missed (a small, light dot) or a speck taken for one, so that amount
 * is flagged for review. A page with no clear habit flags nothing. An
 * amount read whole whose last two digits also stand apart as cents do is
 * read with cents: both signs of a point missed agree (still for review).
 */
final class WritingHabit {

	/** Fewer digits than this read as whole dollars are no sign of a missed point ("7" for 7.00). */
	static final int MISSED_POINT_DIGITS = 3;

	private WritingHabit() {
	}

	/** @param plain the indexes in {@code fields} of the amounts read by their written separators */
	static List<SegmentedField> check(List<SegmentedField> fields, List<Integer> plain) {
		int withCents = 0;
		int whole = 0;
		for (int i : plain) {
			SegmentedField field = fields.get(i);
			int glyphs = field.glyphs().size();
			if (glyphs > 0 && field.centsStart() == glyphs) {
				whole++;
			} else if (glyphs > 0 && field.centsStart() >= 0) {
				withCents++;
			}
		}
		List<SegmentedField> checked = new ArrayList<>(fields);
		for (int i : plain) {
			SegmentedField field = fields.get(i);
			int glyphs = field.glyphs().size();
			String doubt = null;
			int centsStart = field.centsStart();
			if (glyphs >= MISSED_POINT_DIGITS && field.centsStart() == glyphs && withCents > whole) {
				doubt = "read in whole dollars, while most amounts on the page are written with a point and cents";
				if (field.problems().contains(StrokeDigits.CENTS_APART)) {
					centsStart = glyphs - 2;
					doubt += "; read with cents, as the gap before the last two digits shows";
				}
			} else if (glyphs > 0 && field.centsStart() >= 0 && field.centsStart() < glyphs && whole > withCents) {
				doubt = SegmentedField.CENTS_AGAINST_HABIT;
			}
			if (doubt != null) {
				List<String> problems = new ArrayList<>(field.problems());
				problems.add(doubt);
				checked.set(i, new SegmentedField(field.fieldName(), field.fieldBox(), field.glyphs(), centsStart,
						problems));
			}
		}
		return checked;
	}
}
