package com.digitdesk.api.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where every value read from a form is kept, with its confidence and status,
 * until clerks and exports are done with it.
 *
 * <p>Every write is one transaction: a page is stored whole or not at all, a
 * correction is recorded together with the new value. Several importers and
 * clerks may use one store at the same time.
 */
@ProviderType
public interface ResultStore {

	/** The document with this content, complete or not. */
	Optional<StoredDocument> findDocument(String contentSha256) throws StoreException;

	/**
	 * Starts storing a document, or returns the unfinished one with the same
	 * content so an interrupted import resumes where it stopped.
	 */
	StoredDocument openDocument(DocumentSource source) throws StoreException;

	/** 0-based indexes of the pages of a document already stored. */
	Set<Integer> storedPages(long documentId) throws StoreException;

	/**
	 * Stores one page with all its fields and digits in one transaction.
	 *
	 * @throws StoreException if the page is already stored or the write fails;
	 *         then nothing of the page is stored
	 */
	void storePage(long documentId, PageResult page) throws StoreException;

	/** Marks a document complete once all its pages are stored. */
	void completeDocument(long documentId) throws StoreException;

	/** Records a file that could not be imported. */
	void quarantine(QuarantineEntry entry) throws StoreException;

	List<QuarantineEntry> quarantined() throws StoreException;

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

	/** Streams every field of every complete document, in document, page and field order. */
	void forEachField(Consumer<StoredField> action) throws StoreException;

	StoreSummary summary() throws StoreException;
}
