package com.digitdesk.api.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.digitdesk.api.recognition.DigitImage;

import org.junit.jupiter.api.Test;

class DigitDatasetTest {

	@Test
	void slicesSamples() {
		byte[] images = new byte[3 * DigitImage.PIXELS];
		images[DigitImage.PIXELS] = 42; // first pixel of sample 1
		DigitDataset set = new DigitDataset("tiny", images, new byte[] { 3, 1, 4 });
		assertThat(set.size()).isEqualTo(3);
		assertThat(set.label(2)).isEqualTo(4);
		assertThat(set.image(1).ink(0, 0)).isEqualTo(42);
		assertThat(set.sample(1).reference()).isEqualTo("tiny#1");
	}

	@Test
	void refusesMismatchedArraysAndBadLabels() {
		assertThatThrownBy(() -> new DigitDataset("x", new byte[10], new byte[] { 1 }))
				.hasMessageContaining("x: 1 labels need 784 image bytes, got 10");
		assertThatThrownBy(() -> new DigitDataset("x", new byte[DigitImage.PIXELS], new byte[] { 12 }))
				.hasMessageContaining("label 0 is 12");
	}
}
