package com.digitdesk.api.training;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Labelled digits collected while the product is used (clerks' confirmations
 * and corrections), for retraining the recognizer.
 */
@ProviderType
public interface TrainingSamples {

	/** How many samples there are. */
	long count() throws DatasetException;

	/** Samples in the order they were collected, from {@code offset} on, at most {@code limit}. */
	List<LabelledDigit> samples(long offset, int limit) throws DatasetException;
}
