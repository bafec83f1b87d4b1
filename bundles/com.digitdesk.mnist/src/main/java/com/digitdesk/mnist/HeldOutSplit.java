package com.digitdesk.mnist;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DigitDataset;

/**
 * Which samples a training run holds out for validation: a shuffle by the
 * run's seed, the first {@code heldOut} of it held out. Training and the
 * corpus of forms filled in with fitting or held-out digits ask for it
 * through {@link com.digitdesk.api.training.MnistDatasets#split}, so they
 * agree for a seed.
 */
final class HeldOutSplit {

	private HeldOutSplit() {
	}

	static DigitDataset.Split split(DigitDataset set, int heldOut, long seed) {
		int count = set.size();
		Objects.checkFromIndexSize(0, heldOut, count);
		int[] order = new int[count];
		for (int i = 0; i < count; i++) {
			order[i] = i;
		}
		Random random = new Random(seed);
		for (int i = count - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return new DigitDataset.Split(select(set, set.name() + "-fitting", Arrays.copyOfRange(order, heldOut, count)),
				select(set, set.name() + "-held-out", Arrays.copyOfRange(order, 0, heldOut)));
	}

	/** The samples at {@code indices}, in that order. */
	private static DigitDataset select(DigitDataset set, String name, int[] indices) {
		byte[] images = new byte[indices.length * DigitImage.PIXELS];
		byte[] labels = new byte[indices.length];
		for (int i = 0; i < indices.length; i++) {
			set.copyImages(indices[i], 1, images, i * DigitImage.PIXELS);
			labels[i] = (byte) set.label(indices[i]);
		}
		return new DigitDataset(name, images, labels);
	}
}
