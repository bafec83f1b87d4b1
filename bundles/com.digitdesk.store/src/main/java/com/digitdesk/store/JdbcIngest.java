package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.digitdesk.api.store.DocumentClaim;
import com.digitdesk.api.store.DocumentIngest;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredDocument;

/**
 * The importer's part of a store: documents stored page by page, the
 * quarantine, and the claims by which importers sharing the store divide the
 * files.
 *
 * <p>Documents are unique by content: {@link #openDocument} returns the row
 * already there for the same content, finished or not, so a caller resumes an
 * unfinished one and skips a complete one.
 *
 * <p>A fenced write checks and renews its {@link Claims claim} inside its own
 * transaction, so it either lands before a takeover or not at all.
 */
final class JdbcIngest implements DocumentIngest {

	private final StoreDatabase database;

	JdbcIngest(StoreDatabase database) {
		this.database = database;
	}

	// documents

	@Override
	public Optional<StoredDocument> findDocument(String contentSha256) throws StoreException {
		Objects.requireNonNull(contentSha256, "contentSha256");
		return database.read("looking up document " + contentSha256, c -> findDocument(c, contentSha256));
	}

	@Override
	public StoredDocument openDocument(DocumentSource source) throws StoreException {
		Objects.requireNonNull(source, "source");
		return database.read("opening document " + source.fileName(), c -> {
			Optional<StoredDocument> existing = findDocument(c, source.contentSha256());
			if (existing.isPresent()) {
				return existing.get();
			}
			Instant now = StoreDatabase.now();
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO documents "
					+ "(file_name, content_sha256, page_count, imported_at, complete) VALUES (?, ?, ?, ?, FALSE)",
					Statement.RETURN_GENERATED_KEYS)) {
				insert.setString(1, source.fileName());
				insert.setString(2, source.contentSha256());
				insert.setInt(3, source.pageCount());
				insert.setObject(4, StoreDatabase.timestamp(now));
				insert.executeUpdate();
				return new StoredDocument(StoreDatabase.generatedKey(insert), source, now, false);
			} catch (SQLException e) {
				if (!StoreDatabase.UNIQUE_VIOLATION.equals(e.getSQLState())) {
					throw e;
				}
				// Another importer inserted the same content a moment ago: use its row.
				Optional<StoredDocument> winner = findDocument(c, source.contentSha256());
				if (winner.isEmpty()) {
					throw e;
				}
				return winner.get();
			}
		});
	}

	@Override
	public Set<Integer> storedPages(long documentId) throws StoreException {
		return new TreeSet<>(database.list("listing the stored pages of document " + documentId,
				"SELECT page_index FROM pages WHERE document_id = ?", rows -> rows.getInt(1), documentId));
	}

	@Override
	public void storePage(long documentId, PageResult page) throws StoreException {
		storePage(documentId, page, Optional.empty());
	}

	@Override
	public void storePage(long documentId, PageResult page, DocumentClaim claim) throws StoreException {
		Objects.requireNonNull(claim, "claim");
		storePage(documentId, page, Optional.of(claim));
	}

	/** Stores a page, fenced by {@code claim} when there is one. */
	private void storePage(long documentId, PageResult page, Optional<DocumentClaim> claim) throws StoreException {
		Objects.requireNonNull(page, "page");
		int number = page.pageIndex() + 1;
		Document document = document(documentId, "storing page " + number + " of document " + documentId);
		String what = "storing page " + number + " of " + document.fileName();
		if (page.pageIndex() >= document.pageCount()) {
			throw new StoreException(what + ": the document has " + document.pageCount() + " pages");
		}
		checkContent(what, document, claim);
		database.write(what, c -> {
			hold(c, claim, what);
			PageRows.insert(c, documentId, page, what);
			return null;
		});
	}

	@Override
	public void completeDocument(long documentId) throws StoreException {
		completeDocument(documentId, Optional.empty());
	}

	@Override
	public void completeDocument(long documentId, DocumentClaim claim) throws StoreException {
		Objects.requireNonNull(claim, "claim");
		completeDocument(documentId, Optional.of(claim));
	}

	/** Marks a document complete and gives up {@code claim}, when there is one, in one transaction. */
	private void completeDocument(long documentId, Optional<DocumentClaim> claim) throws StoreException {
		Document document = document(documentId, "completing document " + documentId);
		String what = "completing " + document.fileName();
		checkContent(what, document, claim);
		database.write(what, c -> {
			hold(c, claim, what);
			try (PreparedStatement lock = c
					.prepareStatement("SELECT complete FROM documents WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, documentId);
				lock.executeQuery().close();
			}
			int stored;
			try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM pages WHERE document_id = ?")) {
				count.setLong(1, documentId);
				try (ResultSet rows = count.executeQuery()) {
					rows.next();
					stored = rows.getInt(1);
				}
			}
			if (stored < document.pageCount()) {
				throw new StoreException(what + ": only " + stored + " of its " + document.pageCount()
						+ " pages are stored");
			}
			try (PreparedStatement update = c.prepareStatement("UPDATE documents SET complete = TRUE WHERE id = ?")) {
				update.setLong(1, documentId);
				update.executeUpdate();
			}
			if (claim.isPresent()) {
				Claims.release(c, claim.get());
			}
			return null;
		});
	}

	@Override
	public void discardDocument(long documentId, DocumentClaim claim) throws StoreException {
		Objects.requireNonNull(claim, "claim");
		Document document = document(documentId, "discarding document " + documentId);
		String what = "discarding " + document.fileName() + " (document " + documentId + ")";
		checkContent(what, document, Optional.of(claim));
		database.write(what, c -> {
			hold(c, Optional.of(claim), what);
			// the lock keeps a concurrent completion out until the rows are gone
			try (PreparedStatement lock = c
					.prepareStatement("SELECT complete FROM documents WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, documentId);
				try (ResultSet rows = lock.executeQuery()) {
					if (!rows.next()) {
						throw new StoreException(what + ": there is no document " + documentId);
					}
					if (rows.getBoolean(1)) {
						throw new StoreException(what + ": the document is complete");
					}
				}
			}
			Optional<String> corrected = DocumentRows.firstCorrectedField(c, documentId);
			if (corrected.isPresent()) {
				throw new StoreException(what + ": a clerk has already corrected " + corrected.get());
			}
			DocumentRows.delete(c, documentId);
			return null;
		});
	}

	private record Document(String fileName, String contentSha256, int pageCount) {
	}

	/** Refuses a claim on other content than the document's: it would fence nothing. */
	private static void checkContent(String what, Document document, Optional<DocumentClaim> claim)
			throws StoreException {
		if (claim.isPresent() && !claim.get().contentSha256().equals(document.contentSha256())) {
			throw new StoreException(what + ": the claim is on content " + claim.get().contentSha256()
					+ ", not on this document's " + document.contentSha256());
		}
	}

	/** The fence of a write, inside its transaction, when it has a claim. */
	private static void hold(Connection c, Optional<DocumentClaim> claim, String what)
			throws SQLException, StoreException {
		if (claim.isPresent()) {
			Claims.hold(c, claim.get(), what);
		}
	}

	private Document document(long documentId, String what) throws StoreException {
		Optional<Document> document = database.read(what, c -> {
			try (PreparedStatement select = c
					.prepareStatement("SELECT file_name, content_sha256, page_count FROM documents WHERE id = ?")) {
				select.setLong(1, documentId);
				try (ResultSet rows = select.executeQuery()) {
					return rows.next()
							? Optional.of(new Document(rows.getString(1), rows.getString(2), rows.getInt(3)))
							: Optional.<Document>empty();
				}
			}
		});
		return document.orElseThrow(() -> new StoreException(what + ": there is no document " + documentId));
	}

	private static Optional<StoredDocument> findDocument(Connection c, String contentSha256) throws SQLException {
		try (PreparedStatement select = c.prepareStatement("SELECT id, file_name, content_sha256, page_count, "
				+ "imported_at, complete FROM documents WHERE content_sha256 = ?")) {
			select.setString(1, contentSha256);
			try (ResultSet rows = select.executeQuery()) {
				if (!rows.next()) {
					return Optional.empty();
				}
				return Optional.of(new StoredDocument(rows.getLong(1),
						new DocumentSource(rows.getString(2), rows.getString(3), rows.getInt(4)),
						StoreDatabase.instant(rows, 5), rows.getBoolean(6)));
			}
		}
	}

	// quarantine

	@Override
	public void quarantine(QuarantineEntry entry) throws StoreException {
		quarantine(entry, Optional.empty());
	}

	@Override
	public void quarantine(QuarantineEntry entry, DocumentClaim claim) throws StoreException {
		Objects.requireNonNull(entry, "entry");
		Objects.requireNonNull(claim, "claim");
		if (!claim.contentSha256().equals(entry.contentSha256())) {
			throw new StoreException("quarantining " + entry.sourceFile() + ": the claim is on content "
					+ claim.contentSha256() + ", not on the file's " + entry.contentSha256());
		}
		quarantine(entry, Optional.of(claim));
	}

	/** Records a quarantined file and gives up {@code claim}, when there is one, in one transaction. */
	private void quarantine(QuarantineEntry entry, Optional<DocumentClaim> claim) throws StoreException {
		Objects.requireNonNull(entry, "entry");
		String what = "quarantining " + entry.sourceFile();
		for (int attempt = 1;; attempt++) {
			try {
				database.write(what, c -> {
					hold(c, claim, what);
					if (claim.isPresent()) {
						Claims.release(c, claim.get());
					}
					try (PreparedStatement update = c.prepareStatement("UPDATE quarantine SET reason = ?, at = ? "
							+ "WHERE source_file = ? AND content_sha256 = ?")) {
						update.setString(1, entry.reason());
						update.setObject(2, StoreDatabase.timestamp(entry.at()));
						update.setString(3, entry.sourceFile());
						update.setString(4, entry.contentSha256());
						if (update.executeUpdate() > 0) {
							return null;
						}
					}
					try (PreparedStatement insert = c.prepareStatement("INSERT INTO quarantine "
							+ "(source_file, content_sha256, reason, at) VALUES (?, ?, ?, ?)")) {
						insert.setString(1, entry.sourceFile());
						insert.setString(2, entry.contentSha256());
						insert.setString(3, entry.reason());
						insert.setObject(4, StoreDatabase.timestamp(entry.at()));
						insert.executeUpdate();
					}
					return null;
				});
				return;
			} catch (StoreException e) {
				// a concurrent first quarantine of the same file won the insert: update its row
				if (attempt > 1 || !(e.getCause() instanceof SQLException sql)
						|| !StoreDatabase.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
					throw e;
				}
			}
		}
	}

	@Override
	public Optional<QuarantineEntry> quarantineEntry(String contentSha256) throws StoreException {
		Objects.requireNonNull(contentSha256, "contentSha256");
		return database.list("looking up the quarantine entry of content " + contentSha256,
				"SELECT source_file, content_sha256, reason, at FROM quarantine WHERE content_sha256 = ? "
						+ "ORDER BY at DESC, id DESC LIMIT 1",
				rows -> new QuarantineEntry(rows.getString(1), rows.getString(2), rows.getString(3),
						StoreDatabase.instant(rows, 4)),
				contentSha256).stream().findFirst();
	}

	// claims

	@Override
	public Optional<DocumentClaim> claim(String contentSha256, String claimant, Duration lease)
			throws StoreException {
		// the claim validates its parts before anything is written
		DocumentClaim wanted = new DocumentClaim(contentSha256, claimant, lease);
		return database.read("claiming content " + contentSha256 + " for " + claimant,
				c -> Claims.claim(c, wanted.contentSha256(), wanted.claimant(), wanted.lease()));
	}

	@Override
	public int renewClaims(String claimant, Duration lease) throws StoreException {
		Objects.requireNonNull(claimant, "claimant");
		Objects.requireNonNull(lease, "lease");
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("a claim's lease must be longer than zero, not " + lease);
		}
		return database.read("renewing the claims of " + claimant, c -> Claims.renewAll(c, claimant, lease));
	}

	@Override
	public void release(DocumentClaim claim) throws StoreException {
		Objects.requireNonNull(claim, "claim");
		database.read("giving up the claim of " + claim.claimant() + " on content " + claim.contentSha256(), c -> {
			Claims.release(c, claim);
			return null;
		});
	}
}
