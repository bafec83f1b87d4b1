package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;

/**
 * Fields printed in many styles, with real handwritten digits, cut by the
 * segmenter: every written digit is one glyph where it was written, and
 * nothing printed (box, rules, ticks, dividers, a dollar sign, label text,
 * dot leaders) comes out as a glyph. The scan is registered about a point
 * off, as registration leaves it.
 */
class PrintRemovalTest {

	private static final double S = FieldPainter.SCALE;
	/** Amount boxes: 160 x 18 pt. */
	private static final TemplateBox AMOUNT = new TemplateBox(40, 30, 160, 18);
	private static final double H = AMOUNT.height();

	private final GlyphSegmenter segmenter = new GlyphSegmenter();

	@Test
	void anAmountWithTheSignOutsideAndTheDividerAt1_3BoxHeightsIsReadAsDollarsAndCents() {
		FieldPainter painter = new FieldPainter(240, 70, 1).box(AMOUNT, false);
		double divider = AMOUNT.right() - 1.3 * H;
		painter.line(divider, AMOUNT.y() + 0.3 * H, divider, AMOUNT.bottom(), false);
		painter.text("$", AMOUNT.x() - 8, AMOUNT.y() + 0.72 * H, 0.6 * H);
		painter.text("1a Wages, salaries, tips", AMOUNT.x(), AMOUNT.y() - 3, 7);
		List<double[]> dollars = painter.digits("129", divider - 35, AMOUNT.centerY() + 1, 0.6 * H, 3, 2.5);
		List<double[]> cents = painter.digits("98", divider + 3, AMOUNT.centerY() + 1, 0.6 * H, 3);

		SegmentedField found = cut(painter, amount(OptionalDouble.empty()));
		SegmentedField stated = cut(painter, amount(OptionalDouble.of(divider)));

		for (SegmentedField field : List.of(found, stated)) {
			assertWrittenAt(field, concat(dollars, cents));
			assertThat(field.centsStart()).isEqualTo(3);
			assertThat(field.problems()).isEmpty();
		}
	}

	@Test
	void theFirstDesignsAmountWithTheSignInsideAndTheDividerAt1_6BoxHeights() {
		FieldPainter painter = new FieldPainter(240, 70, 2).box(AMOUNT, false);
		double divider = AMOUNT.right() - 1.6 * H;
		painter.line(divider, AMOUNT.y() + 0.35 * H, divider, AMOUNT.bottom(), false);
		painter.text("$", AMOUNT.x() + 0.15 * H, AMOUNT.y() + 0.68 * H, 0.5 * H);
		List<double[]> dollars = painter.digits("4071", divider - 50, AMOUNT.centerY() + 2, 0.6 * H, 2, 3.5, 2);
		List<double[]> cents = painter.digits("05", divider + 4, AMOUNT.centerY() + 2, 0.6 * H, 3);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, concat(dollars, cents));
		assertThat(field.centsStart()).isEqualTo(4);
	}

	@Test
	void aDottedBoxWithADottedDividerIsNoInk() {
		FieldPainter painter = new FieldPainter(240, 70, 3).box(AMOUNT, true);
		double divider = AMOUNT.right() - 1.3 * H;
		painter.line(divider, AMOUNT.y(), divider, AMOUNT.bottom(), true);
		List<double[]> dollars = painter.digits("86", AMOUNT.x() + 60, AMOUNT.centerY(), 0.6 * H, 3);
		List<double[]> cents = painter.digits("40", divider + 3, AMOUNT.centerY(), 0.6 * H, 2.5);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, concat(dollars, cents));
		assertThat(field.centsStart()).isEqualTo(2);
	}

	@Test
	void inAPlainBoxCommasAreNoDigitsAndThePointBeforeTwoDigitsStartsTheCents() {
		FieldPainter painter = new FieldPainter(240, 70, 4).box(AMOUNT, false);
		double baseline = AMOUNT.centerY() + 0.3 * H;
		List<double[]> thousands = painter.digits("1", AMOUNT.x() + 30, AMOUNT.centerY(), 0.6 * H);
		painter.comma(thousands.get(0)[1] + 2.2, baseline);
		List<double[]> hundreds = painter.digits("234", thousands.get(0)[1] + 4.5, AMOUNT.centerY(), 0.6 * H, 2.5);
		painter.point(hundreds.get(2)[1] + 2.5, baseline);
		List<double[]> cents = painter.digits("56", hundreds.get(2)[1] + 5, AMOUNT.centerY(), 0.6 * H, 2.5);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, concat(concat(thousands, hundreds), cents));
		assertThat(field.centsStart()).isEqualTo(4);
	}

	@Test
	void aCommaBeforeTheLastTwoDigitsIsThePointAndBeforeThreeItPartsTheThousands() {
		for (String amount : List.of("569,22", "12,345")) {
			FieldPainter painter = new FieldPainter(240, 70, 6).box(AMOUNT, false);
			double baseline = AMOUNT.centerY() + 0.3 * H;
			String[] parts = amount.split(",");
			List<double[]> before = painter.digits(parts[0], AMOUNT.x() + 40, AMOUNT.centerY(), 0.6 * H, 2.5);
			double comma = before.get(before.size() - 1)[1] + 2.2;
			painter.comma(comma, baseline);
			List<double[]> after = painter.digits(parts[1], comma + 2.5, AMOUNT.centerY(), 0.6 * H, 2.5);

			SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

			assertWrittenAt(field, concat(before, after));
			assertThat(field.centsStart()).as(amount).isEqualTo(parts[1].length() == 2 ? parts[0].length() : 5);
		}
	}

	@Test
	void anAmountWrittenWithoutCentsIsWholeDollarsAndTheSignAndDotLeadersBeforeTheBoxAreNoInk() {
		FieldPainter painter = new FieldPainter(240, 70, 5).box(AMOUNT, false);
		painter.text("Total income . . . . . . . . .", 2, AMOUNT.bottom() - 3, 7);
		painter.text("$", AMOUNT.x() - 6, AMOUNT.y() + 0.72 * H, 0.6 * H);
		List<double[]> dollars = painter.digits("4500", AMOUNT.x() + 2, AMOUNT.centerY(), 0.6 * H, 3);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, dollars);
		assertThat(field.centsStart()).isEqualTo(4);
		assertThat(field.read(List.of(), false)).isEmpty(); // nothing read yet; the value's shape is "4500.00"
		assertThat(field.value("4500")).isEqualTo("4500.00");
	}

	@Test
	void aColumnRulePrintedHeavierThanTheBoxRulesAndRunningPastTheBoxIsNoDigit() {
		FieldPainter painter = new FieldPainter(240, 70, 7);
		// Hairline rows, as the official forms print them.
		painter.stroke(AMOUNT.x() - 20, AMOUNT.y(), AMOUNT.right(), AMOUNT.y(), 0.3);
		painter.stroke(AMOUNT.x() - 20, AMOUNT.bottom(), AMOUNT.right(), AMOUNT.bottom(), 0.3);
		// The amount column's left rule, heavier than the rows' rules, from the row above to the row below, a
		// point inside where the template puts the box's edge.
		painter.stroke(AMOUNT.x() + 1, AMOUNT.y() - 12, AMOUNT.x() + 1, AMOUNT.bottom() + 12, 1.2);
		List<double[]> dollars = painter.digits("6120", AMOUNT.x() + 60, AMOUNT.centerY(), 0.6 * H, 3);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, dollars);
	}

	@Test
	void aThinOneWithLittleInkIsADigitAndARoundPointWrittenBelowTheLineIsNoComma() {
		FieldPainter painter = new FieldPainter(240, 70, 8).box(AMOUNT, false);
		double size = 0.6 * H;
		double top = AMOUNT.centerY() - size / 2;
		double baseline = top + size;
		// A 1 written with a fine pen: one stroke a third of a point wide.
		painter.stroke(AMOUNT.x() + 60.5, top + 0.5, AMOUNT.x() + 60, baseline, 0.35);
		List<double[]> written = new ArrayList<>(List.of(new double[] { AMOUNT.x() + 59.5, AMOUNT.x() + 61 }));
		written.addAll(painter.digits("35", AMOUNT.x() + 64, AMOUNT.centerY(), size, 2.5));
		// The point sits 1.8 pt low, as a hurried hand puts it: round, no tail.
		painter.point(written.get(2)[1] + 2.5, baseline + 1.8);
		List<double[]> cents = painter.digits("07", written.get(2)[1] + 5, AMOUNT.centerY(), size, 2.5);
		written.addAll(cents);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, written);
		assertThat(field.centsStart()).isEqualTo(3);
	}

	@Test
	void aSmallPointStartsTheCentsThoughSpecksLieOnTheBaselineBetweenAndAfterTheCentDigits() {
		FieldPainter painter = new FieldPainter(240, 70, 11).box(AMOUNT, false);
		double size = 0.6 * H;
		double baseline = AMOUNT.centerY() + size / 2;
		List<double[]> dollars = painter.digits("575", AMOUNT.x() + 40, AMOUNT.centerY(), size, 2.5);
		// A point written with a fine pen, smaller than a stroke; specks of dust too small to be written.
		double point = dollars.get(2)[1] + 1.6;
		painter.dot(point, baseline - 0.5, 0.9);
		List<double[]> cents = painter.digits("46", point + 1.6, AMOUNT.centerY(), size, 2.6);
		double between = (cents.get(0)[1] + cents.get(1)[0]) / 2;
		painter.dot(between, baseline - 0.3, 0.6);
		painter.dot(cents.get(1)[1] + 16, baseline - 0.3, 0.6);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, concat(dollars, cents));
		assertThat(field.centsStart()).isEqualTo(3);
	}

	@Test
	void aSmallPointOnTheBaselineWithinTheBoxOfASlantedOneBesideItStartsTheCents() {
		FieldPainter painter = new FieldPainter(240, 70, 13).box(AMOUNT, false);
		double size = 0.6 * H;
		double top = AMOUNT.centerY() - size / 2;
		double baseline = top + size;
		List<double[]> written = new ArrayList<>(painter.digits("2", AMOUNT.x() + 60, AMOUNT.centerY(), size));
		// A 1 slanted to the right: its top stands 3 pt right of its foot.
		double foot = written.get(0)[1] + 2.5;
		painter.stroke(foot + 3, top + 0.3, foot, baseline - 0.2, 0.5);
		written.add(new double[] { foot - 0.3, foot + 3.3 });
		// A point of a fine pen on the baseline, under the 1's top: within the 1's columns by its centre,
		// yet apart from its ink and sticking out of them.
		double point = foot + 3.1;
		painter.dot(point, baseline - 0.5, 0.9);
		written.addAll(painter.digits("41", point + 2.5, AMOUNT.centerY(), size, 2.5));

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, written);
		assertThat(field.centsStart()).isEqualTo(2);
	}

	@Test
	void aSpeckBelowTheBaselineWithinTheBoxOfADigitIsNoPoint() {
		FieldPainter painter = new FieldPainter(240, 70, 14).box(AMOUNT, false);
		double size = 0.6 * H;
		double baseline = AMOUNT.centerY() + size / 2;
		List<double[]> dollars = painter.digits("8568", AMOUNT.x() + 60, AMOUNT.centerY(), size, 3);
		// Dust under the right edge of the 5, 1 pt below the line the digits stand on.
		double speck = dollars.get(1)[1] - 0.2;
		painter.dot(speck, baseline + 1, 0.8);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, dollars);
		assertThat(field.centsStart()).isEqualTo(4);
	}

	@Test
	void aPointLighterThanTheInkThresholdStartsTheCentsWhereItStandsLowBetweenTheDigits() {
		double size = 0.6 * H;
		double baseline = AMOUNT.centerY() + size / 2;
		for (String where : List.of("low", "high", "none")) {
			// A light pen scanned in gray: strokes at 60% ink, the point, a small dot of it, at 24%, under the
			// mask's threshold.
			FieldPainter painter = new FieldPainter(240, 70, 12).box(AMOUNT, false);
			List<double[]> dollars = painter.digits("337", AMOUNT.x() + 40, AMOUNT.centerY(), size, 2.5);
			double point = dollars.get(2)[1] + 2.2;
			List<double[]> cents = painter.digits("98", point + 2.2, AMOUNT.centerY(), size, 2.6);
			painter.faded(0.6);
			if (!where.equals("none")) {
				painter.point(point, where.equals("low") ? baseline : baseline - 0.5 * size, 0.24);
			}

			SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

			assertWrittenAt(field, concat(dollars, cents));
			assertThat(field.centsStart()).as(where).isEqualTo(where.equals("low") ? 3 : 5);
		}
	}

	@Test
	void aPenStrokeAmongTheDigitsThatIsNoDigitLeavesTheReadingInDoubt() {
		double size = 0.6 * H;
		double top = AMOUNT.centerY() - size / 2;
		// "9 5" with a short stroke between them, apart from both: what the scan left of a digit written too
		// lightly, or a stray mark. Either way the reading 95 is not sure.
		FieldPainter painter = new FieldPainter(240, 70, 14).box(AMOUNT, false);
		double x = AMOUNT.x() + 60;
		List<double[]> nine = painter.digits("9", x, AMOUNT.centerY(), size);
		double stroke = nine.get(0)[1] + 0.4 * size;
		painter.stroke(stroke, top + 0.3 * size, stroke + 0.15 * size, top + 0.7 * size, 0.5);
		List<double[]> five = painter.digits("5", stroke + 0.55 * size, AMOUNT.centerY(), size);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, concat(nine, five));
		assertThat(field.problems()).anySatisfy(problem -> assertThat(problem).startsWith(StrokeDigits.UNREAD_STROKE));
		// A blot of dust in its place (1.4 pt across, ink enough for a stroke) is no doubt.
		painter = new FieldPainter(240, 70, 14).box(AMOUNT, false);
		nine = painter.digits("9", x, AMOUNT.centerY(), size);
		painter.dot(stroke + 0.07 * size, AMOUNT.centerY(), 1.4);
		five = painter.digits("5", stroke + 0.55 * size, AMOUNT.centerY(), size);

		field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, concat(nine, five));
		assertThat(field.problems()).isEmpty();
	}

	@Test
	void aOneBrokenInTwoByTheScanIsOneDigitNotPiecesOfItsNeighbour() {
		FieldPainter painter = new FieldPainter(240, 70, 9).box(AMOUNT, false);
		double size = 0.6 * H;
		double top = AMOUNT.centerY() - size / 2;
		double x = AMOUNT.x() + 80;
		// A slanted 1 whose thin middle the threshold lost: two short pieces, one above the other.
		painter.stroke(x + 1, top + 0.3, x + 0.6, top + 0.3 * size, 0.5);
		painter.stroke(x + 0.2, top + 0.62 * size, x - 0.2, top + size, 0.5);
		List<double[]> written = new ArrayList<>(List.of(new double[] { x - 0.45, x + 1.25 }));
		written.addAll(painter.digits("88", x + 3.5, AMOUNT.centerY(), size, 2.5));

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, written);
	}

	@Test
	void digitsCrossingTheBoxEdgesKeepTheirInkOutsideIt() {
		FieldPainter painter = new FieldPainter(240, 70, 6).box(AMOUNT, false);
		List<double[]> dollars = painter.digits("707", AMOUNT.x() + 40, AMOUNT.centerY(), 1.15 * H, 4);

		SegmentedField field = cut(painter, amount(OptionalDouble.empty()));

		assertWrittenAt(field, dollars);
		for (int i = 0; i < dollars.size(); i++) {
			// The glyph reaches beyond both edges, as the digit was written: the pen's ink on the lines stays.
			Glyph glyph = field.writtenGlyphs().get(i);
			assertThat(glyph.pageBox().height()).as("glyph %d", i).isGreaterThan((int) (1.05 * H * S));
		}
	}

	@Test
	void numbersOf2To10DigitsInACombWithTicksOfTwoHeights() {
		for (String digits : List.of("42", "90210", "3141592", "1234567890")) {
			TemplateBox box = new TemplateBox(30, 30, 150, 16);
			FieldPainter painter = new FieldPainter(220, 70, digits.length()).box(box, false);
			for (int i = 1; i < 10; i++) {
				double x = box.x() + i * 15;
				painter.line(x, box.bottom() - (i % 2 == 0 ? 0.5 : 0.3) * box.height(), x, box.bottom(), false);
			}
			List<double[]> written = new ArrayList<>();
			for (int i = 0; i < digits.length(); i++) {
				double[] ink = painter.centredDigit(digits.charAt(i) - '0', box.x() + i * 15 + 7.5, box.centerY(),
						0.65 * box.height());
				written.add(ink);
			}
			FieldSpec field = new FieldSpec("zip", "ZIP code", FieldKind.NUMBER, box, 0, 10, OptionalDouble.empty());

			SegmentedField cut = cut(painter, field);

			assertWrittenAt(cut, written);
			assertThat(cut.centsStart()).isEqualTo(-1);
		}
	}

	@Test
	void touchingDigitsOfANumberAreCutApart() {
		TemplateBox box = new TemplateBox(30, 30, 150, 16);
		FieldPainter painter = new FieldPainter(220, 70, 7).box(box, false);
		List<double[]> written = painter.digits("5830", box.x() + 20, box.centerY(), 0.65 * box.height(), 2.5, -0.8,
				2.5);
		FieldSpec field = new FieldSpec("number", "Number", FieldKind.NUMBER, box, 0, 0, OptionalDouble.empty());

		assertThat(cut(painter, field).writtenGlyphs()).hasSize(4);
	}

	@Test
	void aNumberWrittenWithOneDigitCountIsCutToItWhereTwoDigitsRunTogether() {
		TemplateBox box = new TemplateBox(30, 30, 150, 14);
		FieldPainter painter = new FieldPainter(220, 70, 16).box(box, false);
		// An EIN whose 2 and 8 were written one into the other.
		List<double[]> written = painter.digits("892612590", box.x() + 10, box.centerY(), 0.65 * box.height(), 2.2,
				-4.0, 2.2, 2.2, 2.2, 2.2, 2.2, 2.2);
		FieldSpec free = new FieldSpec("ein", "EIN", FieldKind.NUMBER, box, 0, 9, OptionalDouble.empty());
		FieldSpec nine = new FieldSpec("ein", "EIN", FieldKind.NUMBER, box, 0, 9, OptionalDouble.empty(), List.of(9));

		assertThat(cut(painter, free).writtenGlyphs()).hasSize(8);
		assertWrittenAt(cut(painter, nine), written);
	}

	@Test
	void anSsnBoxWithDotted3_2_4DividersGivesItsNineDigits() {
		TemplateBox box = new TemplateBox(30, 30, 125.6, 14);
		FieldPainter painter = new FieldPainter(200, 70, 8).box(box, false);
		double slot = box.width() / 9;
		painter.line(box.x() + 3 * slot, box.y(), box.x() + 3 * slot, box.bottom(), true);
		painter.line(box.x() + 5 * slot, box.y(), box.x() + 5 * slot, box.bottom(), true);
		List<double[]> written = new ArrayList<>();
		String ssn = "078051120";
		for (int i = 0; i < 9; i++) {
			written.add(painter.digit(ssn.charAt(i) - '0', box.x() + i * slot + 3, box.centerY(), 0.65 * box.height()));
		}
		FieldSpec field = new FieldSpec("ssn", "Your social security number", FieldKind.SSN, box, 0);

		SegmentedField cut = cut(painter, field);

		assertWrittenAt(cut, written);
		assertThat(cut.problems()).isEmpty();
	}

	@Test
	void writtenDashesOfAnSsnAndAnEinAreNoDigitsNorIsTheLabelAbove() {
		TemplateBox box = new TemplateBox(30, 30, 140, 14);
		FieldPainter ssnPainter = new FieldPainter(200, 70, 13).box(box, false);
		ssnPainter.text("a Employee's social security number", box.x(), box.y() - 2, 6);
		List<double[]> ssn = dashed(ssnPainter, box, "123", "45", "6789");
		FieldPainter einPainter = new FieldPainter(200, 70, 10);
		einPainter.line(box.x() - 2, box.bottom(), box.right() + 2, box.bottom(), false); // a rule under the writing only
		einPainter.text("b Employer identification number (EIN)", box.x(), box.y() + 1, 6);
		List<double[]> ein = dashed(einPainter, box, "12", "3456789");

		SegmentedField ssnCut = cut(ssnPainter, new FieldSpec("ssn", "SSN", FieldKind.SSN, box, 0));
		SegmentedField einCut = cut(einPainter,
				new FieldSpec("ein", "EIN", FieldKind.NUMBER, box, 0, 9, OptionalDouble.empty()));

		assertWrittenAt(ssnCut, ssn);
		assertWrittenAt(einCut, ein);
	}

	@Test
	void aFourWithAStraightThinStemStandingOnTheRuleKeepsItsStemWhereItsBarCrossesIt() {
		// Where a pen's heavy bar crosses the stem, the stem's column holds no thin ink: that is no gap
		// of a dotted line, and a solid short line in a number written freely is no print.
		TemplateBox box = new TemplateBox(30, 30, 125.6, 12);
		FieldPainter painter = new FieldPainter(200, 70, 14).box(box, false);
		double top = box.y() + 2;
		double bottom = box.bottom() - 1;
		double size = bottom - top;
		double x = box.x() + 40;
		painter.stroke(x - 3, top + 0.3 * size, x - 5, top + 0.62 * size, 0.6);
		painter.stroke(x - 5, top + 0.62 * size, x + 2, top + 0.62 * size, 1.6);
		painter.stroke(x, top, x, bottom, 0.5);
		List<double[]> written = new ArrayList<>(List.of(new double[] { x - 5.3, x + 2.3 }));
		written.addAll(painter.digits("70", x + 5, box.centerY(), 0.7 * box.height(), 2.5));
		FieldSpec field = new FieldSpec("ein", "EIN", FieldKind.NUMBER, box, 0, 9, OptionalDouble.empty());

		SegmentedField cut = cut(painter, field);

		assertWrittenAt(cut, written);
		assertThat(cut.writtenGlyphs().get(0).pageBox().height()).as("the 4 with its stem")
				.isGreaterThan((int) (0.9 * size * S));
	}

	/** Groups of digits with a written dash between them; returns the digits' ink boxes. */
	private static List<double[]> dashed(FieldPainter painter, TemplateBox box, String... groups) {
		List<double[]> written = new ArrayList<>();
		double x = box.x() + 6;
		double size = 0.62 * box.height();
		for (int g = 0; g < groups.length; g++) {
			if (g > 0) {
				painter.dash(x + 3, x + 6.5, box.centerY() + 0.5);
				x += 9.5;
			}
			List<double[]> digits = painter.digits(groups[g], x, box.centerY(), size, 2.2);
			written.addAll(digits);
			x = digits.get(digits.size() - 1)[1] + 1;
		}
		return written;
	}

	private static FieldSpec amount(OptionalDouble divider) {
		return new FieldSpec("line1a", "Wages", FieldKind.AMOUNT, AMOUNT, 0, 0, divider);
	}

	/** Cuts one field by shape, registered 0.8 pt right and 0.6 pt up of where it is. */
	private SegmentedField cut(FieldPainter painter, FieldSpec field) {
		PageTransform transform = new PageTransform(S, 0, 0.8 * S, 0, S, -0.6 * S);
		return segmenter.segmentByShape(painter.page(), new Registration("painted", transform, 0.8, 4), List.of(field))
				.get(0);
	}

	/** One glyph per written digit, in order, each centred on the digit's ink: nothing printed is a glyph. */
	static void assertWrittenAt(SegmentedField field, List<double[]> digits) {
		List<Glyph> glyphs = field.writtenGlyphs();
		assertThat(glyphs).as("glyphs of %s at %s", field.fieldName(), centres(glyphs)).hasSize(digits.size());
		for (int i = 0; i < digits.size(); i++) {
			double centre = (glyphs.get(i).pageBox().x() + glyphs.get(i).pageBox().width() / 2.0) / S;
			assertThat(centre).as("glyph %d of %s at %s", i, field.fieldName(), centres(glyphs)).isBetween(digits.get(i)[0] - 0.5,
					digits.get(i)[1] + 0.5);
		}
	}

	private static String centres(List<Glyph> glyphs) {
		return glyphs.stream().map(g -> String.format("%.1f", (g.pageBox().x() + g.pageBox().width() / 2.0) / S))
				.toList().toString();
	}

	private static List<double[]> concat(List<double[]> a, List<double[]> b) {
		List<double[]> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
