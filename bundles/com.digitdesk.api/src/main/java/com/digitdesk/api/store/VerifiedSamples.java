package com.digitdesk.api.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The verified digits of clerks' decisions, kept as training samples: each
 * verified field's glyphs with the labels its value gives them, written in
 * the decision's transaction and withdrawn when it is undone. A glyph kept
 * with the same label before is kept once; one kept with another label
 * makes the new sample suspect.
 */
@ProviderType
public interface VerifiedSamples {

	/** The samples counted by label, source and state. */
	List<SampleCount> sampleCounts() throws StoreException;

	/** Samples in one state, oldest first, at most {@code limit}. */
	List<Sample> samples(SampleState state, int limit) throws StoreException;

	/**
	 * A second clerk confirms a suspect sample's label: it is used for
	 * training from now on. Refused for the clerk who gave the label, and for
	 * a sample that is not suspect.
	 */
	Sample confirmSample(long sampleId, String clerk) throws StoreException;

	/** An admin accepts a suspect sample's label as it is. Refused for a sample that is not suspect. */
	Sample acceptSample(long sampleId, String admin) throws StoreException;
}
