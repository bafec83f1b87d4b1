package com.digitdesk.training;

import com.digitdesk.api.training.DigitDataset;

/**
 * Cuts a data set into the samples a run fits on and those it holds out for
 * validation, the same way for the same seed:
 * {@link com.digitdesk.api.training.MnistDatasets#split}, which the corpus of
 * forms filled in with fitting or held-out digits uses too.
 */
@FunctionalInterface
interface Splitter {
	DigitDataset.Split split(DigitDataset set, int heldOut, long seed);
}
