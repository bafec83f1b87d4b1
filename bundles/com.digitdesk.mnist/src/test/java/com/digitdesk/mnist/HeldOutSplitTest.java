package com.digitdesk.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DigitDataset;

class HeldOutSplitTest {

	@Test
	void holdsOutTheSameSamplesForTheSameSeed() {
		int n = 200;
		byte[] images = new byte[n * DigitImage.PIXELS];
		byte[] labels = new byte[n];
		for (int i = 0; i < n; i++) {
			images[i * DigitImage.PIXELS] = (byte) i; // each sample's first pixel names it
			labels[i] = (byte) (i % 10);
		}
		DigitDataset set = new DigitDataset("set", images, labels);

		DigitDataset.Split split = HeldOutSplit.split(set, 30, 7);
		DigitDataset.Split again = HeldOutSplit.split(set, 30, 7);
		DigitDataset.Split other = HeldOutSplit.split(set, 30, 8);

		assertThat(split.heldOut().size()).isEqualTo(30);
		assertThat(split.fitting().size()).isEqualTo(170);
		assertThat(split.heldOut().name()).isEqualTo("set-held-out");
		assertThat(split.fitting().name()).isEqualTo("set-fitting");
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
