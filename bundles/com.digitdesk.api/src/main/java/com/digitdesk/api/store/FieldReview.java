package com.digitdesk.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What clerks and the learning loop need of the results store: the fields
 * waiting for review, their digits, a clerk's decision on each, and the
 * corrections made, whose digits become training samples.
 *
 * <p>A decision is one transaction: the correction is recorded together
 * with the field's new value and status.
 *
 * <p>Used by the clerks' verification window, the review-queue command and
 * the training that learns from corrections.
 */
@ProviderType
public interface FieldReview {

	/** Fields waiting for a clerk, lowest confidence first. */
	List<StoredField> reviewQueue(int limit) throws StoreException;

	Optional<StoredField> field(long fieldId) throws StoreException;

	/** The digit positions of a field, with glyphs and predictions. */
	List<DigitResult> digits(long fieldId) throws StoreException;

	/**
	 * A clerk confirms a field, or types its right value. A changed value is
	 * recorded as a correction (old value, new value, who, when) and its
	 * digits become training samples.
	 */
	StoredField verify(long fieldId, String value, String user) throws StoreException;

	/** A clerk decides the field cannot be read. */
	StoredField reject(long fieldId, String user, String reason) throws StoreException;

	List<Correction> corrections(long fieldId) throws StoreException;
}
