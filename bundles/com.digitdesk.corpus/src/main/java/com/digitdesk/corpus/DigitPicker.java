package com.digitdesk.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.digitdesk.api.training.DigitDataset;

/** Picks handwritten digits of a wanted value from a labelled set (the MNIST test set). */
final class DigitPicker {

	private final DigitDataset digits;
	private final int[][] byLabel = new int[10][];

	DigitPicker(DigitDataset digits) {
		this.digits = digits;
		List<List<Integer>> lists = new ArrayList<>();
		for (int d = 0; d < 10; d++) {
			lists.add(new ArrayList<>());
		}
		for (int i = 0; i < digits.size(); i++) {
			lists.get(digits.label(i)).add(i);
		}
		for (int d = 0; d < 10; d++) {
			if (lists.get(d).isEmpty()) {
				throw new IllegalArgumentException(digits.name() + " has no digit " + d);
			}
			byLabel[d] = lists.get(d).stream().mapToInt(Integer::intValue).toArray();
		}
	}

	/** The index in the data set of a random sample of digit {@code value}. */
	int pick(int value, Random random) {
		int[] candidates = byLabel[value];
		return candidates[random.nextInt(candidates.length)];
	}

	DigitDataset digits() {
		return digits;
	}
}
