package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.digitdesk.segment.InkComponents.Component;

class GlyphGroupTest {

	/** 200 dpi, as the scans of the generated forms. */
	private static final double PIXELS_PER_POINT = 200 / 72.0;

	private final Component stroke = block(1, 20, 10, 27, 49); // a 1, 8 x 40 px
	private final Component speck = block(2, 32, 4, 34, 6); // 9 px, 5 px right of the stroke's box

	@Test
	void aSpeckApartFromTheDigitIsLeftOut() {
		GlyphGroup group = new GlyphGroup(stroke);
		group.add(speck);

		GlyphGroup digit = group.withoutStrays(PIXELS_PER_POINT);

		assertThat(digit.parts).containsExactly(stroke);
		assertThat(digit.count).isEqualTo(stroke.ink);
		assertThat(new int[] { digit.minX, digit.minY, digit.maxX, digit.maxY }).containsExactly(20, 10, 27, 49);
	}

	@Test
	void aSmallPieceCloseToTheDigitIsPartOfIt() {
		Component piece = block(2, 29, 30, 31, 32); // 2 px right of the stroke: a broken end
		GlyphGroup group = new GlyphGroup(stroke);
		group.add(piece);

		assertThat(group.withoutStrays(PIXELS_PER_POINT).parts).containsExactly(stroke, piece);
	}

	@Test
	void aLargePartApartIsPartOfTheDigit() {
		Component bar = block(2, 20, 0, 35, 2); // the bar of a 5, 48 px: more than a tenth of the ink
		GlyphGroup group = new GlyphGroup(stroke);
		group.add(bar);

		assertThat(group.withoutStrays(PIXELS_PER_POINT).parts).containsExactly(stroke, bar);
	}

	@Test
	void aCutHalfOfTouchingDigitsStaysWhole() {
		int[] labels = new int[60 * 60];
		GlyphGroup group = new GlyphGroup(stroke);
		group.add(speck);
		GlyphGroup half = group.columns(18, 40, labels, 60);

		assertThat(half.withoutStrays(PIXELS_PER_POINT)).isSameAs(half);
	}

	private static Component block(int label, int x0, int y0, int x1, int y1) {
		Component component = new Component(label);
		for (int y = y0; y <= y1; y++) {
			for (int x = x0; x <= x1; x++) {
				component.add(x, y);
			}
		}
		component.ink = component.count;
		return component;
	}
}
