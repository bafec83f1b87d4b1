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
		assertThat(set.head(2).size()).isEqualTo(2);
	}

	@Test
	void refusesMismatchedArraysAndBadLabels() {
		assertThatThrownBy(() -> new DigitDataset("x", new byte[10], new byte[] { 1 }))
				.hasMessageContaining("x: 1 labels need 784 image bytes, got 10");
		assertThatThrownBy(() -> new DigitDataset("x", new byte[DigitImage.PIXELS], new byte[] { 12 }))
				.hasMessageContaining("label 0 is 12");
	}

	@Test
	void splitHoldsOutTheSameSamplesForTheSameSeed() {
		int n = 200;
		byte[] images = new byte[n * DigitImage.PIXELS];
		byte[] labels = new byte[n];
		for (int i = 0; i < n; i++) {
			images[i * DigitImage.PIXELS] = (byte) i; // each sample's first pixel names it
			labels[i] = (byte) (i % 10);
		}
		DigitDataset set = new DigitDataset("set", images, labels);

		DigitDataset.Split split = set.split(30, 7);
		DigitDataset.Split again = set.split(30, 7);
		DigitDataset.Split other = set.split(30, 8);

		assertThat(split.heldOut().size()).isEqualTo(30);
		assertThat(split.fitting().size()).isEqualTo(170);
		assertThat(names(split.heldOut())).containsExactly(names(again.heldOut()));
		assertThat(names(split.heldOut())).doesNotContain(names(split.fitting()));
		assertThat(names(other.heldOut())).isNotEqualTo(names(split.heldOut()));
		for (int i = 0; i < 30; i++) {
			int name = split.heldOut().image(i).ink(0, 0);
			assertThat(split.heldOut().label(i)).isEqualTo(name % 10);
		}
	}

	private static int[] names(DigitDataset set) {
		int[] names = new int[set.size()];
		for (int i = 0; i < names.length; i++) {
			names[i] = set.image(i).ink(0, 0);
		}
		return names;
	}
}
