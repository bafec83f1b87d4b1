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
}
