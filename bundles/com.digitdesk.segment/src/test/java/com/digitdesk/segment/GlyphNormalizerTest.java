package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.DigitImage;

class GlyphNormalizerTest {

	private final GlyphNormalizer normalizer = new GlyphNormalizer();

	@Test
	void fitsTheInkInto20PixelsAndCentresItsMass() {
		// A 10x60 bar far from the centre of a 100x100 image.
		int width = 100, height = 100;
		byte[] ink = new byte[width * height];
		for (int y = 5; y < 65; y++) {
			for (int x = 70; x < 80; x++) {
				ink[y * width + x] = (byte) 255;
			}
		}
		DigitImage glyph = normalizer.normalize(width, height, ink);
		int rows = 0, columns = 0;
		double mass = 0, sumX = 0, sumY = 0;
		for (int y = 0; y < DigitImage.SIDE; y++) {
			for (int x = 0; x < DigitImage.SIDE; x++) {
				int value = glyph.ink(x, y);
				mass += value;
				sumX += value * x;
				sumY += value * y;
			}
		}
		for (int y = 0; y < DigitImage.SIDE; y++) {
			boolean any = false;
			for (int x = 0; x < DigitImage.SIDE; x++) {
				any |= glyph.ink(x, y) > 0;
			}
			rows += any ? 1 : 0;
		}
		for (int x = 0; x < DigitImage.SIDE; x++) {
			boolean any = false;
			for (int y = 0; y < DigitImage.SIDE; y++) {
				any |= glyph.ink(x, y) > 0;
			}
			columns += any ? 1 : 0;
		}
		assertThat(rows).isBetween(20, 21);
		assertThat(columns).isBetween(3, 5);
		assertThat(sumX / mass).isCloseTo(13.5, org.assertj.core.data.Offset.offset(1.0));
		assertThat(sumY / mass).isCloseTo(13.5, org.assertj.core.data.Offset.offset(1.0));
	}

	@Test
	void aFaintStrokeIsNormalizedLikeTheSameStrokeInFullInk() {
		// A blurred thin stroke scanned in gray: a 7 that nowhere reaches half ink.
		int width = 40, height = 60;
		byte[] dark = new byte[width * height];
		byte[] faint = new byte[width * height];
		for (int x = 5; x < 35; x++) {
			for (int y = 5; y < 8; y++) {
				dark[y * width + x] = (byte) 255;
				faint[y * width + x] = (byte) 110;
			}
		}
		for (int y = 8; y < 55; y++) {
			int x = 33 - (y - 8) / 3;
			for (int dx = 0; dx < 3; dx++) {
				dark[y * width + x + dx] = (byte) 255;
				faint[y * width + x + dx] = (byte) 110;
			}
		}
		DigitImage fromDark = normalizer.normalize(width, height, dark);
		DigitImage fromFaint = normalizer.normalize(width, height, faint);
		assertThat(fromFaint).isEqualTo(fromDark);
	}

	@Test
	void noInkGivesABlankGlyph() {
		assertThat(normalizer.normalize(5, 5, new byte[25])).isEqualTo(DigitImage.blank());
	}
}
