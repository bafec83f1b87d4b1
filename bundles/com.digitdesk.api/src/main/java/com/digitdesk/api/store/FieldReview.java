package com.digitdesk.api.store;

import java.time.Duration;
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

	/** Fields waiting for a clerk, in the queue's order ({@link QueuePlace}). */
	List<StoredField> reviewQueue(int limit) throws StoreException;

	/**
	 * Waiting fields strictly after {@code from} in the queue's order
	 * ({@code forward}), or strictly before it, the nearest first, leaving
	 * out those another clerk holds an unexpired claim on.
	 *
	 * @param clerk who asks: fields this clerk claimed are included
	 */
	List<StoredField> reviewQueue(QueuePlace from, boolean forward, String clerk, int limit) throws StoreException;

	/** How many fields wait for a clerk in the whole store. */
	int waitingCount() throws StoreException;

	/** The fields of the page that a field is on, in their order on the page. */
	List<StoredField> pageFields(long fieldId) throws StoreException;

	/**
	 * The scanned page that a field is on (its {@link PageScan#fields()}
	 * empty), if the importer kept it.
	 */
	Optional<PageScan> pageScan(long fieldId) throws StoreException;

	/** A field's snippet as scanned, if the importer kept it. */
	Optional<FieldImage> fieldImage(long fieldId) throws StoreException;

	// claims: clerks on several workstations sharing one store never see the same field at once

	/**
	 * Claims a waiting field for {@code clerk} until {@code lease} from now by
	 * the database's clock: renews the clerk's own claim, takes over an
	 * expired one, or makes a new one. False when another clerk holds an
	 * unexpired claim or the field no longer waits.
	 */
	boolean claimField(long fieldId, String clerk, Duration lease) throws StoreException;

	/** Renews every unexpired field claim of {@code clerk}; returns how many. */
	int renewFieldClaims(String clerk, Duration lease) throws StoreException;

	/** Gives up the clerk's claim on a field, if the clerk holds it. */
	void releaseField(long fieldId, String clerk) throws StoreException;

	/**
	 * The waiting fields {@code clerk} holds an unexpired claim on, in queue
	 * order: what a clerk's workstation showed when it died.
	 */
	List<StoredField> claimedFields(String clerk) throws StoreException;

	/**
	 * A clerk's decision on a waiting field, recorded with its effort and the
	 * field's new value and status in one transaction; the clerk's claim on
	 * it goes in the same transaction.
	 *
	 * @throws StoreException naming the field when it no longer waits
	 *         (another clerk decided it) or another clerk holds an unexpired
	 *         claim on it; nothing is written then
	 */
	StoredField decide(long fieldId, ClerkDecision decision) throws StoreException;

	/**
	 * Takes back the latest standing decision on a field, which must be
	 * {@code clerk}'s: the field waits again with the value it had before,
	 * claimed by the clerk; the decision stays on record, marked undone.
	 *
	 * @throws StoreException when the field has no standing decision or it is
	 *         another clerk's
	 */
	StoredField undo(long fieldId, String clerk) throws StoreException;

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

	/** Every decision on a field, the undone ones too, oldest first. */
	List<Correction> corrections(long fieldId) throws StoreException;
}
