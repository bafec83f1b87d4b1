package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;

/**
 * Cuts a digit string written freely in its box (a number, an SSN in one
 * box): the print is removed, the strokes are grouped into digits as in an
 * amount, without cents, and written dashes are no digits. The field's
 * digit count guides ambiguous ink: an SSN has exactly its 9 digits, a
 * number at least the fewest of its {@code digitCounts} (the widest blob is
 * cut while there are fewer), and no field has more than its most (what
 * is left of a printed divider is dropped, pieces of a broken digit are
 * joined while there are more).
 */
final class DigitStringCutter {

	/** A printed divider's remnant is at most this share of the digit height wide... */
	private static final double REMNANT_WIDTH = 0.3;
	/** ...and at least this share high. */
	private static final double REMNANT_HEIGHT = 0.75;

	private DigitStringCutter() {
	}

	/** @param judge picks between readings of a wide blob (whole or cut); null: cut by shape alone */
	static SegmentedField cut(PageRaster page, PageTransform transform, FieldSpec field, SplitJudge judge) {
		// Digits written freely: a solid tick is a pen's 1 resting on the rule; dividers are dotted (an SSN box).
		FieldInk ink = FieldInk.read(page, transform, field.box(), new double[0], x -> true, false, List.of());
		List<GlyphGroup> digits = new ArrayList<>(StrokeDigits.read(ink.strokes, ink, judge).digits());
		double height = StrokeDigits.digitHeight(ink.strokes, ink);
		int most = field.maxDigits();
		int least = field.kind() == FieldKind.SSN ? most
				: field.digitCounts().stream().mapToInt(Integer::intValue).min().orElse(0);
		if (least > 0 && !digits.isEmpty()) {
			cutWidest(digits, least, height, ink);
		}
		if (most > 0 && judge != null) {
			dropPrintRemnants(digits, most, height, ink, judge);
		}
		if (most > 0 && !digits.isEmpty()) {
			joinClosest(digits, most, height);
		}
		List<Glyph> glyphs = new ArrayList<>();
		for (GlyphGroup group : digits) {
			glyphs.add(group.withoutStrays(ink.raster.pixelsPerPoint).toGlyph(glyphs.size(), ink.raster, ink.labels));
		}
		// Strokes left unread are no doubt here: erasing a box's dotted dividers leaves such pieces.
		List<String> problems = new ArrayList<>(StrokeDigits.doubts(digits, false));
		if (most > 0 && !glyphs.isEmpty() && (glyphs.size() > most
				|| field.kind() == FieldKind.SSN && glyphs.size() != most)) {
			problems.add("expected " + (field.kind() == FieldKind.SSN ? "" : "at most ") + most + " digits, found "
					+ glyphs.size());
		}
		return new SegmentedField(field.name(), ink.raster.pageBox(field.box()), glyphs, -1, problems);
	}

	/** While there are fewer than {@code count} digits, the widest blob that can be two is cut in two. */
	private static void cutWidest(List<GlyphGroup> digits, int count, double height, FieldInk ink) {
		while (digits.size() < count) {
			GlyphGroup widest = digits.stream().filter(g -> !g.cut).max(Comparator.comparingInt(GlyphGroup::width))
					.orElse(null);
			if (widest == null || widest.width() < 0.6 * height) {
				return;
			}
			List<GlyphGroup> parts = StrokeDigits.cut(widest, 2, StrokeDigits.LOOSE_PART_HEIGHT * height, ink);
			if (parts == null) {
				return;
			}
			int at = digits.indexOf(widest);
			digits.remove(at);
			digits.addAll(at, parts);
		}
	}

	/**
	 * While there are more than {@code most} digits, a thin upright glyph (a
	 * printed divider that stayed, taken for a pen's 1) that the recognizer
	 * reads as no digit is dropped. A 1 written there reads as one and stays.
	 */
	private static void dropPrintRemnants(List<GlyphGroup> digits, int most, double height, FieldInk ink,
			SplitJudge judge) {
		List<GlyphGroup> thin = digits.stream()
				.filter(g -> g.width() <= REMNANT_WIDTH * height && g.height() >= REMNANT_HEIGHT * height).toList();
		if (digits.size() <= most || thin.isEmpty()) {
			return;
		}
		double[] scores = judge.scores(StrokeDigits.readings(thin.stream().map(List::of).toList(), ink));
		for (int i = 0; i < thin.size() && digits.size() > most; i++) {
			if (scores[i] == 0) {
				digits.remove(thin.get(i));
			}
		}
	}

	/** The blob a cut part was cut from. */
	private static GlyphGroup whole(GlyphGroup part) {
		GlyphGroup whole = new GlyphGroup(part.parts.get(0));
		part.parts.subList(1, part.parts.size()).forEach(whole::add);
		return whole;
	}

	/**
	 * While there are more than {@code most} digits, two neighbours narrow
	 * enough together to be one digit are joined: those with the lowest part
	 * (a piece of a broken digit is lower than a whole one), the closest of
	 * equals.
	 */
	private static void joinClosest(List<GlyphGroup> digits, int most, double height) {
		while (digits.size() > most) {
			int best = -1;
			int bestLow = Integer.MAX_VALUE;
			int bestGap = Integer.MAX_VALUE;
			for (int i = 1; i < digits.size(); i++) {
				GlyphGroup a = digits.get(i - 1);
				GlyphGroup b = digits.get(i);
				int width = Math.max(a.maxX, b.maxX) - a.minX + 1;
				int gap = b.minX - a.maxX - 1;
				int low = Math.min(a.height(), b.height());
				boolean halves = a.cut && b.cut && a.parts.equals(b.parts); // one blob cut by shape
				if ((halves || !a.cut && !b.cut) && width <= StrokeDigits.JOIN_WIDTH * height
						&& (low < bestLow || low == bestLow && gap < bestGap)) {
					best = i;
					bestLow = low;
					bestGap = gap;
				}
			}
			if (best < 0) {
				return;
			}
			GlyphGroup a = digits.get(best - 1);
			GlyphGroup b = digits.get(best);
			digits.set(best - 1, a.cut ? whole(a) : GlyphGroup.join(a, b));
			digits.remove(best);
		}
	}
}
