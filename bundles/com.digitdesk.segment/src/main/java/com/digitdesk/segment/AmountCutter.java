package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoublePredicate;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.segment.InkComponents.Component;
import com.digitdesk.segment.StrokeDigits.Reading;
import com.digitdesk.segment.StrokeDigits.Separator;

/**
 * Cuts a free-hand amount. The print is removed (lines, a printed dollar
 * sign); the cents divider is the one the template states, else the one
 * printed in the box: strokes left of it are dollars, right of it cents.
 * Without a divider the written separators tell: a point (or the last
 * separator) followed by exactly two digits starts the cents, thousands
 * commas are no digits, and an amount written without cents is whole
 * dollars.
 */
final class AmountCutter {

	/** A printed cents divider lies at least this many box heights left of the box's right edge... */
	static final double CENTS_MIN = 0.8;
	/** ...and at most this many. */
	static final double CENTS_MAX = 3.0;

	private AmountCutter() {
	}

	/**
	 * An amount's ink, with the template's divider (if stated), the printed
	 * lines found inside the box where {@code innerPrint} (x in points)
	 * accepts them, the print the page repeats in its amount boxes and a
	 * printed dollar sign removed.
	 */
	static FieldInk ink(PageRaster page, PageTransform transform, FieldSpec field, DoublePredicate innerPrint,
			List<TemplateBox> repeatedPrint) {
		double[] stated = field.centsDivider().isPresent() ? new double[] { field.centsDivider().getAsDouble() }
				: new double[0];
		FieldInk ink = FieldInk.read(page, transform, field.box(), stated, innerPrint, true, repeatedPrint);
		ink.strokes.removeAll(PrintedDollarSign.find(ink));
		return ink;
	}

	/**
	 * @param divider the cents divider in the ink's raster pixels (stated, or
	 *        printed as on the page's other amounts), NaN when there is none
	 * @param judge picks between readings of a wide blob (whole or cut); null: cut by shape alone
	 */
	static SegmentedField cut(FieldSpec field, FieldInk ink, double divider, SplitJudge judge) {
		return Double.isNaN(divider) ? bySeparators(field, ink, judge) : byDivider(field, ink, divider, judge);
	}

	private static SegmentedField byDivider(FieldSpec field, FieldInk ink, double dividerX, SplitJudge judge) {
		List<Component> dollarStrokes = new ArrayList<>();
		List<Component> centStrokes = new ArrayList<>();
		for (Component stroke : ink.strokes) {
			(stroke.centerX() < dividerX ? dollarStrokes : centStrokes).add(stroke);
		}
		List<GlyphGroup> dollars = StrokeDigits.read(dollarStrokes, ink, judge).digits();
		List<GlyphGroup> cents = StrokeDigits.read(centStrokes, ink, judge).digits();
		int centCount = cents.size();
		boolean centsUnsure = false;
		if (judge != null && (cents.size() == 1 || cents.size() == 3)) {
			List<List<GlyphGroup>> options = twoCents(cents, StrokeDigits.digitHeight(centStrokes, ink), ink);
			if (!options.isEmpty()) {
				double[] scores = judge.scores(StrokeDigits.readings(options, ink));
				int best = SplitJudge.best(scores);
				if (scores[best] > 0) {
					cents = options.get(best);
					centsUnsure = scores[best] < StrokeDigits.SURE;
				}
			}
		}
		List<Glyph> glyphs = glyphs(dollars, ink);
		glyphs.addAll(glyphs(cents, ink, glyphs.size()));
		List<String> problems = new ArrayList<>(StrokeDigits.doubts(dollars, false));
		if (!glyphs.isEmpty() && cents.size() != 2) {
			problems.add("expected 2 cent digits, found " + cents.size());
		}
		if (centsUnsure) {
			problems.add(unsureCents(centCount));
		}
		if (!glyphs.isEmpty() && dollars.isEmpty()) {
			problems.add("no dollar digits");
		}
		int centsStart = glyphs.isEmpty() ? -1 : dollars.size();
		return new SegmentedField(field.name(), ink.raster.pageBox(field.box()), glyphs, centsStart, problems);
	}

	/**
	 * No divider printed: the cents start after the last written point that
	 * exactly two digits follow (one glyph after it is tried as two touching
	 * digits), or at a point too faint for the ink threshold before the last
	 * two (see {@link FaintPoints}), or after a comma that two digits
	 * follow; else the amount is whole dollars.
	 */
	private static SegmentedField bySeparators(FieldSpec field, FieldInk ink, SplitJudge judge) {
		Reading reading = StrokeDigits.read(ink.strokes, ink, judge);
		List<GlyphGroup> digits = new ArrayList<>(reading.digits());
		List<Glyph> glyphs = glyphs(digits, ink);
		int centsStart = glyphs.isEmpty() ? -1 : glyphs.size();
		List<String> problems = new ArrayList<>();
		double height = StrokeDigits.digitHeight(ink.strokes, ink);
		List<Separator> written = new ArrayList<>(reading.separators().stream().filter(s -> !s.dash()).toList());
		written.addAll(StrokeDigits.separators(ink.dots, digits, height));
		// Thousands commas part the dollars; a point starts the cents.
		List<Separator> points = new ArrayList<>(written.stream().filter(s -> !s.comma()).toList());
		points.sort(Comparator.comparingDouble(Separator::x));
		// The last point with two digits after it: a speck between the cent digits is no point of its own.
		for (int i = points.size() - 1; i >= 0 && !glyphs.isEmpty(); i--) {
			double x = points.get(i).x();
			int before = (int) digits.stream().filter(d -> (d.minX + d.maxX) / 2.0 < x).count();
			if (digits.size() - before == 2) {
				centsStart = before;
				break;
			}
			if (digits.size() - before == 1 && before > 0 && judge != null) {
				// One glyph after a point: the two cent digits touching, if they read better cut than whole.
				GlyphGroup last = digits.get(before);
				List<List<GlyphGroup>> options = new ArrayList<>(List.of(List.of(last)));
				options.addAll(twoCents(List.of(last), height, ink));
				double[] scores = judge.scores(StrokeDigits.readings(options, ink));
				int best = SplitJudge.best(scores);
				if (best > 0) {
					digits.remove(before);
					digits.addAll(options.get(best));
					glyphs = glyphs(digits, ink);
					centsStart = before;
					if (scores[best] < StrokeDigits.SURE) {
						problems.add(unsureCents(1));
					}
					break;
				}
				continue; // a speck between the cent digits
			}
			if (digits.size() - before > 2) {
				break;
			}
		}
		if (centsStart == glyphs.size() && FaintPoints.beforeCents(ink, digits, height)) {
			centsStart = glyphs.size() - 2;
		}
		if (centsStart == glyphs.size() && digits.size() > 2) {
			centsStart = afterLastComma(written, digits, centsStart);
		}
		problems.addAll(0, StrokeDigits.doubts(digits, centsStart == glyphs.size()));
		reading.unreadDoubt().ifPresent(problems::add);
		if (centsStart == 0) {
			problems.add("no dollar digits");
		}
		return new SegmentedField(field.name(), ink.raster.pageBox(field.box()), glyphs, centsStart, problems);
	}

	/**
	 * Where the cents start when no point is seen: after the last comma if
	 * exactly two digits follow it. A thousands comma is followed by three; a
	 * comma before two is a point written with a tail, or the decimal comma
	 * of a hand taught it.
	 */
	private static int afterLastComma(List<Separator> written, List<GlyphGroup> digits, int whole) {
		double last = written.stream().filter(Separator::comma).mapToDouble(Separator::x).max().orElse(Double.NaN);
		if (Double.isNaN(last)) {
			return whole;
		}
		int before = (int) digits.stream().filter(d -> (d.minX + d.maxX) / 2.0 < last).count();
		return digits.size() - before == 2 ? before : whole;
	}

	private static List<Glyph> glyphs(List<GlyphGroup> digits, FieldInk ink) {
		return glyphs(digits, ink, 0);
	}

	private static List<Glyph> glyphs(List<GlyphGroup> digits, FieldInk ink, int first) {
		List<Glyph> glyphs = new ArrayList<>();
		for (GlyphGroup group : digits) {
			glyphs.add(group.withoutStrays(ink.raster.pixelsPerPoint).toGlyph(first + glyphs.size(), ink.raster,
					ink.labels));
		}
		return glyphs;
	}

	/** The doubt of cents the judge read as two digits, not surely, from ink that looked like {@code found}. */
	private static String unsureCents(int found) {
		return "the cents are read as 2 digits from ink that looked like " + found + ", unsurely";
	}

	/**
	 * The cents are two digits: ink that looked like one is cut in two (at an
	 * even cut, a thin neck or along a path), ink that looked like three is two with a
	 * broken stroke joined or a stray mark dropped. Every way, for the judge.
	 */
	private static List<List<GlyphGroup>> twoCents(List<GlyphGroup> cents, double digitHeight, FieldInk ink) {
		List<List<GlyphGroup>> options = new ArrayList<>();
		if (cents.size() == 1) {
			options.addAll(StrokeDigits.looseCuts(cents.get(0), 2, digitHeight, ink));
			options.addAll(StrokeDigits.pathCuts(cents.get(0), digitHeight, ink));
		} else {
			GlyphGroup a = cents.get(0);
			GlyphGroup b = cents.get(1);
			GlyphGroup c = cents.get(2);
			options.add(List.of(GlyphGroup.join(a, b), c));
			options.add(List.of(a, GlyphGroup.join(b, c)));
			options.add(List.of(b, c));
			options.add(List.of(a, c));
			options.add(List.of(a, b));
		}
		return options;
	}
}
