package com.digitdesk.api.training;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The MNIST handwritten digits: 60,000 training and 10,000 test images,
 * fetched once, verified by SHA-256 and cached on this machine.
 */
@ProviderType
public interface MnistDatasets {

	/**
	 * How many training digits a training run holds out for validation and
	 * calibration by default ({@link #split(DigitDataset, int, long)}); forms
	 * filled in for training use only the others.
	 */
	int HELD_OUT_DIGITS = 5000;

	/** The seed of the default training run, which picks the held-out digits. */
	long DEFAULT_SEED = 20261121L;

	/**
	 * Makes sure the verified files are in the cache, fetching them if needed.
	 *
	 * @return the cache directory holding the four IDX files
	 * @throws DatasetException when they cannot be fetched or verified; the
	 *         cache is then left as it was
	 */
	Path fetch() throws DatasetException;

	/** The 60,000 training digits (fetched first if needed). */
	DigitDataset training() throws DatasetException;

	/** The 10,000 test digits (fetched first if needed). */
	DigitDataset test() throws DatasetException;

	/**
	 * Reads a labelled set from a pair of IDX files in MNIST's format (e.g.
	 * glyphs cut from forms by {@code digitdesk form-glyphs}).
	 *
	 * @throws DatasetException naming the file that is missing, truncated or not IDX
	 */
	DigitDataset read(String name, Path images, Path labels) throws DatasetException;

	/**
	 * Writes a labelled set as a pair of IDX files in MNIST's format; each file
	 * appears whole or not at all.
	 */
	void write(DigitDataset set, Path images, Path labels) throws DatasetException;

	/**
	 * Holds {@code heldOut} samples of {@code set} out, chosen at random by
	 * {@code seed}: the same seed always holds out the same samples, so a
	 * training run and anything made from its fitting samples (e.g. forms
	 * filled in with them) agree on which samples are kept for validation.
	 *
	 * @throws IndexOutOfBoundsException if {@code heldOut} is negative or larger than the set
	 */
	DigitDataset.Split split(DigitDataset set, int heldOut, long seed);
}
