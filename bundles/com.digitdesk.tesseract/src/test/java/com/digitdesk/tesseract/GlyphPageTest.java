package com.digitdesk.tesseract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.DigitImage;

class GlyphPageTest {

	@Test
	void blankGlyphIsWhitePaper() {
		BufferedImage page = GlyphPage.of(DigitImage.blank());
		assertThat(page.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
		assertThat(page.getWidth()).isEqualTo(28 + 2 * GlyphPage.MARGIN);
		assertThat(page.getHeight()).isEqualTo(page.getWidth());
		assertThat(inkColumns(page.getRaster())).isZero();
		assertThat(page.getRaster().getSample(0, 0, 0)).isEqualTo(255);
	}

	@Test
	void uprightInkBecomesBlackInPlace() {
		// A vertical bar, two pixels wide, rows 6..21 at columns 13..14.
		BufferedImage page = GlyphPage.of(bar(0));
		Raster raster = page.getRaster();
		assertThat(raster.getSample(GlyphPage.MARGIN + 13, GlyphPage.MARGIN + 10, 0)).isZero();
		assertThat(raster.getSample(GlyphPage.MARGIN + 10, GlyphPage.MARGIN + 10, 0)).isEqualTo(255);
		assertThat(raster.getSample(GlyphPage.MARGIN + 13, GlyphPage.MARGIN + 3, 0)).isEqualTo(255);
		assertThat(inkColumns(raster)).isEqualTo(2);
	}

	@Test
	void leaningInkIsStoodUp() {
		// The same bar leaning right by one column every two rows.
		DigitImage leaning = bar(0.5);
		assertThat(inkColumns(GlyphPage.of(leaning).getRaster())).isLessThanOrEqualTo(4);
		assertThat(GlyphPage.deslant(leaning).getShearX()).isCloseTo(0.5, Offset.offset(0.05));
	}

	private static DigitImage bar(double lean) {
		byte[] pixels = new byte[DigitImage.PIXELS];
		for (int y = 6; y < 22; y++) {
			int x = 13 + (int) Math.round(lean * (13.5 - y));
			pixels[y * 28 + x] = (byte) 255;
			pixels[y * 28 + x + 1] = (byte) 255;
		}
		return new DigitImage(pixels);
	}

	/** Columns of the page holding any pixel darker than mid-gray. */
	private static int inkColumns(Raster page) {
		int columns = 0;
		for (int x = 0; x < page.getWidth(); x++) {
			for (int y = 0; y < page.getHeight(); y++) {
				if (page.getSample(x, y, 0) < 128) {
					columns++;
					break;
				}
			}
		}
		return columns;
	}
}
