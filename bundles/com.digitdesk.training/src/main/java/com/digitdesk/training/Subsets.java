package com.digitdesk.training;

import java.util.Objects;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DigitDataset;

/** Parts of a data set: a training run limited to its first digits, quick checks. */
final class Subsets {

	private Subsets() {
	}

	/** The first {@code n} samples of {@code set}, under the same name. */
	static DigitDataset head(DigitDataset set, int n) {
		Objects.checkFromIndexSize(0, n, set.size());
		byte[] images = new byte[n * DigitImage.PIXELS];
		set.copyImages(0, n, images, 0);
		byte[] labels = new byte[n];
		System.arraycopy(set.labels(), 0, labels, 0, n);
		return new DigitDataset(set.name(), images, labels);
	}
}
