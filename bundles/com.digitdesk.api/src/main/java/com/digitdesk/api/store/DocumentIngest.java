package com.digitdesk.api.store;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an importer needs of the results store: documents stored page by
 * page, files that could not be imported, and the claims by which several
 * importers sharing one store divide the files between them.
 *
 * <p>Every write is one transaction: a page is stored whole or not at all.
 *
 * <p>An importer claims a file's content before it opens the file, stores
 * its pages with the fenced {@link #storePage(long, PageResult, DocumentClaim)},
 * and ends with {@link #completeDocument(long, DocumentClaim)} or
 * {@link #quarantine(QuarantineEntry, DocumentClaim)}, both of which give the
 * claim up. An importer that dies loses its claims when their lease runs out;
 * the next one to claim the content resumes it from {@link #storedPages}. The
 * methods without a claim write unfenced, for tools that have the store to
 * themselves.
 *
 * <p>Used by the import command and the importers it runs.
 */
@ProviderType
public interface DocumentIngest {

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

	/**
	 * The latest quarantine entry of this content, if any.
	 *
	 * @param contentSha256 SHA-256 of the file's bytes, lower-case hex
	 */
	Optional<QuarantineEntry> quarantineEntry(String contentSha256) throws StoreException;

	// claims: several importers sharing one store

	/**
	 * Claims a file's content for {@code claimant} until {@code lease} from now
	 * by the database's clock; empty when another claimant holds an unexpired
	 * claim. The claimant's own unexpired claim is renewed. An expired claim of
	 * another claimant is taken over.
	 *
	 * <p>Claims are race-free: of claimants asking for the same content at
	 * the same time, exactly one gets it. A claim can be had before the file
	 * is opened, whether or not the content ever becomes a document (a file
	 * that is no PDF is claimed, then quarantined). Taking over a claim waits
	 * for a fenced write of its former holder that is under way, so the new
	 * holder sees that write in {@link #storedPages}.
	 *
	 * @param contentSha256 SHA-256 of the file's bytes, lower-case hex
	 * @param claimant who asks, unique per running importer
	 * @param lease how long the claim lasts unless renewed; longer than zero
	 * @return the claim, or empty when another importer holds the content
	 * @throws StoreException if the database cannot be reached
	 */
	Optional<DocumentClaim> claim(String contentSha256, String claimant, Duration lease) throws StoreException;

	/**
	 * Renews every unexpired claim of this claimant for its lease from now;
	 * returns how many. Expired claims stay lost, even those nobody took over
	 * yet: a fenced write under them fails with {@link ClaimLostException}.
	 * An importer calls it more often than its lease runs out, for example
	 * every third of the lease, while it reads a file.
	 *
	 * @param lease the new lease of every claim renewed, from now by the
	 *        database's clock; longer than zero
	 */
	int renewClaims(String claimant, Duration lease) throws StoreException;

	/**
	 * Gives a claim up (if still held by its claimant; otherwise nothing
	 * happens), so another importer may claim the content at once. Nothing
	 * stored under it is touched.
	 */
	void release(DocumentClaim claim) throws StoreException;

	/**
	 * {@link #storePage(long, PageResult) storePage}, fenced by the claim: in
	 * the same transaction as the page's rows, checks the claim is still held
	 * and unexpired and renews it; otherwise throws {@link ClaimLostException}
	 * and stores nothing.
	 *
	 * @param claim the claim of the document's content
	 * @throws ClaimLostException if the claim expired or another claimant
	 *         holds it; nothing of the page is stored
	 * @throws StoreException if the claim is for other content than the
	 *         document's, the page is already stored or the write fails; then
	 *         nothing of the page is stored
	 */
	void storePage(long documentId, PageResult page, DocumentClaim claim) throws StoreException;

	/**
	 * Marks the document complete and releases the claim, in one
	 * transaction. Fenced by the claim like
	 * {@link #storePage(long, PageResult, DocumentClaim)}.
	 *
	 * @throws ClaimLostException if the claim expired or another claimant
	 *         holds it; the document stays incomplete
	 * @throws StoreException if not all its pages are stored, or the claim is
	 *         for other content than the document's; the claim is kept then
	 */
	void completeDocument(long documentId, DocumentClaim claim) throws StoreException;

	/**
	 * Removes a document that is not complete, with all its pages, fields,
	 * digits and review reasons, in one transaction (a file quarantined after
	 * some of its pages were stored must not stay half-stored). Refuses with a
	 * StoreException naming the document when it is complete or when a clerk
	 * has already corrected one of its fields (nothing is deleted then).
	 * Fenced by the claim like
	 * {@link #storePage(long, PageResult, DocumentClaim)}; the claim is kept
	 * (and renewed), for the {@link #quarantine(QuarantineEntry, DocumentClaim)}
	 * that usually follows.
	 *
	 * @throws ClaimLostException if the claim expired or another claimant
	 *         holds it; nothing is deleted
	 */
	void discardDocument(long documentId, DocumentClaim claim) throws StoreException;

	/**
	 * Records a file that could not be imported and releases the claim, in
	 * one transaction. Fenced by the claim like
	 * {@link #storePage(long, PageResult, DocumentClaim)}: an importer whose
	 * claim was lost does not quarantine content that another importer may be
	 * importing.
	 *
	 * @param entry the file, with the claim's content
	 * @throws ClaimLostException if the claim expired or another claimant
	 *         holds it; nothing is recorded
	 * @throws StoreException if the entry is for other content than the
	 *         claim's, or the write fails
	 */
	void quarantine(QuarantineEntry entry, DocumentClaim claim) throws StoreException;
}
