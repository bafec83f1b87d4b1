package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where touching digits of unequal width are tried cut. */
class StrokeDigitsTest {

	@Test
	void aThinOneLeaningOnAWideDigitIsTriedCutAtTheNeckBetweenThem() {
		// Ink per column of a 1 (columns 0-5) touching a 0 (6-29): the neck at column 6 is far left of the middle.
		int[] profile = { 9, 12, 12, 11, 9, 6, 2, 5, 8, 7, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 6, 7, 8, 9, 7, 3 };
		assertThat(StrokeDigits.thinnestColumns(profile, 4, 3)).startsWith(6);
	}

	@Test
	void cutsKeepAPartAtLeastANarrowOneWideAndApartFromEachOther() {
		int[] profile = { 1, 0, 5, 5, 2, 5, 5, 5, 3, 3, 5, 5, 5, 5, 1, 0 };
		// Columns 1 and 15 leave slivers; 8 and 9 are one neck.
		assertThat(StrokeDigits.thinnestColumns(profile, 3, 3)).containsExactly(4, 8);
		assertThat(StrokeDigits.thinnestColumns(profile, 3, 1)).containsExactly(4);
	}
}
