package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.api.template.TemplateBox;

class FieldRasterTest {

	private static final int DPI = 144;
	private static final int WIDTH = 400;
	private static final int HEIGHT = 200;

	@Test
	void aPaleStretchOfAStrokeOnAGrayScanStaysInkWhileAPaleSpeckAloneStaysPaper() {
		byte[] gray = paper();
		fill(gray, 100, 300, 90, 96, 155);
		// the pen pressed lightly here: above paper, below the ink level
		fill(gray, 190, 210, 90, 96, 200);
		fill(gray, 50, 54, 50, 54, 200);
		PageRaster page = PageRaster.of(page(gray));
		assertThat(page.paleInk()).isLessThan(PageRaster.STROKE_INK);

		byte[] mask = FieldRaster.warp(page, PageTransform.ofDpi(DPI), new TemplateBox(0, 0, 200, 100)).mask();

		for (int x = 100; x < 300; x++) {
			assertThat(mask[93 * WIDTH + x]).as("the stroke at column %d", x).isEqualTo((byte) 1);
		}
		assertThat(mask[52 * WIDTH + 52]).as("the pale speck").isZero();
	}

	@Test
	void onABlackAndWhiteOrADarkGrayScanNothingPalerThanTheInkLevelIsAStroke() {
		byte[] black = paper();
		fill(black, 100, 300, 90, 96, 0);
		assertThat(PageRaster.of(page(black)).paleInk()).isEqualTo(PageRaster.STROKE_INK);
		byte[] dark = paper();
		fill(dark, 100, 300, 90, 96, 30);
		fill(dark, 190, 210, 90, 96, 200);
		PageRaster page = PageRaster.of(page(dark));
		byte[] mask = FieldRaster.warp(page, PageTransform.ofDpi(DPI), new TemplateBox(0, 0, 200, 100)).mask();
		assertThat(mask[93 * WIDTH + 200]).as("a pale halo beside dark strokes").isZero();
	}

	private static byte[] paper() {
		byte[] gray = new byte[WIDTH * HEIGHT];
		Arrays.fill(gray, (byte) 255);
		return gray;
	}

	private static void fill(byte[] gray, int left, int right, int top, int bottom, int value) {
		for (int y = top; y < bottom; y++) {
			for (int x = left; x < right; x++) {
				gray[y * WIDTH + x] = (byte) value;
			}
		}
	}

	private static RenderedPage page(byte[] gray) {
		return new RenderedPage(Path.of("pale.pdf"), 0, DPI, WIDTH * 72.0 / DPI, HEIGHT * 72.0 / DPI,
				new GrayImage(WIDTH, HEIGHT, gray), RenderMethod.RENDERED);
	}
}
