package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;

/**
 * The page's habit (cents or whole dollars) against each amount read by its
 * written separators: what disagrees is flagged, and an amount whose point
 * both signs say was missed is read with cents.
 */
class WritingHabitTest {

	@Test
	void anAmountReadWholeWhoseLastTwoDigitsStandApartIsReadWithCentsOnAPageWrittenWithCents() {
		List<SegmentedField> page = new ArrayList<>(List.of(amount("a", 5, 3), amount("b", 4, 2), amount("c", 6, 4)));
		page.add(amount("apart", 5, 5, StrokeDigits.CENTS_APART));
		page.add(amount("close", 5, 5));

		List<SegmentedField> checked = WritingHabit.check(page, List.of(0, 1, 2, 3, 4));

		assertThat(checked.subList(0, 3)).isEqualTo(page.subList(0, 3));
		SegmentedField apart = checked.get(3);
		assertThat(apart.centsStart()).isEqualTo(3);
		assertThat(apart.problems()).contains(StrokeDigits.CENTS_APART)
				.anyMatch(p -> p.startsWith("read in whole dollars, while most amounts") && p.contains("read with cents"));
		// Without the gap, a whole-dollar amount on a page of cents is only flagged: it may be written so.
		SegmentedField close = checked.get(4);
		assertThat(close.centsStart()).isEqualTo(5);
		assertThat(close.problems()).singleElement().asString().startsWith("read in whole dollars, while most amounts")
				.doesNotContain("read with cents");
	}

	@Test
	void onAPageOfWholeDollarsTheGapAloneChangesNoReading() {
		List<SegmentedField> page = List.of(amount("a", 5, 5), amount("b", 4, 4), amount("c", 6, 6),
				amount("apart", 5, 5, StrokeDigits.CENTS_APART));

		List<SegmentedField> checked = WritingHabit.check(page, List.of(0, 1, 2, 3));

		assertThat(checked).isEqualTo(page);
	}

	private static SegmentedField amount(String name, int digits, int centsStart, String... problems) {
		List<Glyph> glyphs = new ArrayList<>();
		for (int i = 0; i < digits; i++) {
			glyphs.add(new Glyph(i, new PixelBox(10 * i, 0, 8, 20), DigitImage.blank(), false));
		}
		return new SegmentedField(name, new PixelBox(0, 0, 200, 30), glyphs, centsStart, List.of(problems));
	}
}
