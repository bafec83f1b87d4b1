package com.digitdesk.training;

import java.util.Random;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.training.DigitDataset;

/**
 * Images and class labels (0..9 digits, 10 not a digit) in flat arrays, the
 * form the training loop slices into batches.
 */
record LabelledSet(byte[] images, byte[] labels) {

	int size() {
		return labels.length;
	}

	/**
	 * Splits MNIST's training set the same way for a seed: {@code validation}
	 * digits are held out for calibration and progress, the rest trains
	 * (the same split the corpus uses to fill forms with fitting or held-out
	 * digits only).
	 */
	static LabelledSet[] split(DigitDataset mnist, int validation, long seed, Splitter splitter) {
		DigitDataset.Split split = splitter.split(mnist, validation, seed);
		return new LabelledSet[] { of(split.fitting()), of(split.heldOut()) };
	}

	static LabelledSet of(DigitDataset set) {
		byte[] images = new byte[set.size() * DigitImage.PIXELS];
		set.copyImages(0, set.size(), images, 0);
		return new LabelledSet(images, set.labels());
	}

	/** This set plus {@code count} synthetic non-digits. */
	LabelledSet withNonDigits(int count, NonDigits.Parts parts, Random random, DigitNormalizer normalizer) {
		byte[] moreImages = new byte[images.length + count * DigitImage.PIXELS];
		byte[] moreLabels = new byte[labels.length + count];
		System.arraycopy(images, 0, moreImages, 0, images.length);
		System.arraycopy(labels, 0, moreLabels, 0, labels.length);
		for (int i = 0; i < count; i++) {
			NonDigits.next(random, parts, images, labels, normalizer).copyTo(moreImages, images.length + i * DigitImage.PIXELS);
			moreLabels[labels.length + i] = DigitNet.NOT_A_DIGIT;
		}
		return new LabelledSet(moreImages, moreLabels);
	}

	/** This set followed by {@code other}. */
	LabelledSet plus(LabelledSet other) {
		byte[] allImages = new byte[images.length + other.images.length];
		byte[] allLabels = new byte[labels.length + other.labels.length];
		System.arraycopy(images, 0, allImages, 0, images.length);
		System.arraycopy(other.images, 0, allImages, images.length, other.images.length);
		System.arraycopy(labels, 0, allLabels, 0, labels.length);
		System.arraycopy(other.labels, 0, allLabels, labels.length, other.labels.length);
		return new LabelledSet(allImages, allLabels);
	}

	static int[] shuffled(int n, Random random) {
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}
}
