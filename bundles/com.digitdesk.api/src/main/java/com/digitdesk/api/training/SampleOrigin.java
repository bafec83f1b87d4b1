package com.digitdesk.api.training;

/** Where a label comes from. */
public enum SampleOrigin {
	/** A published data set such as MNIST. */
	DATASET,
	/** A digit a clerk confirmed or corrected. */
	CLERK
}
