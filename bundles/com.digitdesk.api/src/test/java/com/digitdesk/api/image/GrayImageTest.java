package com.digitdesk.api.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrayImageTest {

	@Test
	void pixelsAreCopiedInAndOut() {
		byte[] pixels = { 0, 10, 20, (byte) 255, 40, 50 };
		GrayImage image = new GrayImage(3, 2, pixels);
		pixels[0] = 99;
		image.pixels()[1] = 99;
		assertThat(image.gray(0, 0)).isZero();
		assertThat(image.gray(1, 0)).isEqualTo(10);
		assertThat(image.gray(0, 1)).isEqualTo(255);
	}

	@Test
	void refusesWrongPixelCount() {
		assertThatThrownBy(() -> new GrayImage(3, 2, new byte[5])).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("expected 6 pixels for 3x2");
	}

	@Test
	void blankIsWhite() {
		assertThat(GrayImage.blank(2, 2).gray(1, 1)).isEqualTo(GrayImage.WHITE);
	}

	@Test
	void inkIsDarkerThanTheInkLevelAndOutsideTheImageIsPaper() {
		GrayImage image = new GrayImage(3, 1, new byte[] { 0, (byte) 184, (byte) 185 });
		assertThat(image.isInk(0, 0)).isTrue();
		assertThat(image.isInk(1, 0)).isTrue();
		assertThat(image.isInk(2, 0)).isFalse();
		assertThat(image.isInk(-1, 0)).isFalse();
		assertThat(image.isInk(0, 1)).isFalse();
	}

	@Test
	void boxesUnite() {
		assertThat(new PixelBox(0, 0, 2, 2).union(new PixelBox(5, 1, 1, 4))).isEqualTo(new PixelBox(0, 0, 6, 5));
	}
}
