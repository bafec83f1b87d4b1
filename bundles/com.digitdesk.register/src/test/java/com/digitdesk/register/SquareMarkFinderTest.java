package com.digitdesk.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.template.TemplateBox;

/** The mark is the blob of touching ink (corners included) of the mark's size and fill nearest its place. */
class SquareMarkFinderTest {

	private static final TemplateBox MARK = new TemplateBox(100, 100, 20, 20);

	@Test
	void aSolidSquareIsFoundAtItsCentreOfMass() {
		byte[] page = white(300, 300);
		fill(page, 300, 104, 97, 20, 20); // shifted by (4, -3) pixels
		assertThat(SquareMarkFinder.find(new GrayImage(300, 300, page), MARK, 1.0)).hasValueSatisfying(centre -> {
			assertThat(centre[0]).isCloseTo(114, within(1e-9));
			assertThat(centre[1]).isCloseTo(107, within(1e-9));
		});
	}

	@Test
	void inkTouchingTheMarkOnlyAtACornerIsPartOfIt() {
		byte[] page = white(300, 300);
		fill(page, 300, 100, 100, 20, 20);
		fill(page, 300, 120, 120, 1, 1);
		double[] centre = SquareMarkFinder.find(new GrayImage(300, 300, page), MARK, 1.0).orElseThrow();
		assertThat(centre[0]).isCloseTo((400 * 109.5 + 120) / 401 + 0.5, within(1e-9));
	}

	@Test
	void blobsOfTheWrongSizeOrFillAreNoMark() {
		byte[] page = white(300, 300);
		fill(page, 300, 60, 60, 40, 40); // twice the size
		fill(page, 300, 130, 130, 4, 20); // a bar: the mark's height, a fifth of its width
		for (int i = 0; i < 20; i++) {
			fill(page, 300, 80 + i, 140 + i, 1, 1); // a diagonal line: the mark's box, little fill
		}
		assertThat(SquareMarkFinder.find(new GrayImage(300, 300, page), MARK, 1.0)).isEmpty();
	}

	private static byte[] white(int width, int height) {
		byte[] pixels = new byte[width * height];
		Arrays.fill(pixels, (byte) GrayImage.WHITE);
		return pixels;
	}

	private static void fill(byte[] pixels, int width, int x, int y, int w, int h) {
		for (int row = y; row < y + h; row++) {
			Arrays.fill(pixels, row * width + x, row * width + x + w, (byte) GrayImage.BLACK);
		}
	}
}
