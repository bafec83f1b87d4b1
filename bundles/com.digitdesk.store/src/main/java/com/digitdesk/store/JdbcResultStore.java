package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.osgi.service.jdbc.DataSourceFactory;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.DocumentClaim;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoreSummary;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.store.StoredField;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A {@link ResultStore} in one JDBC database (H2 or PostgreSQL), over a
 * connection pool. Opening it migrates the schema.
 *
 * <p>Documents are unique by content: {@link #openDocument} returns the row
 * already there for the same content, finished or not, so a caller resumes an
 * unfinished one and skips a complete one.
 *
 * <p>Importers sharing the store divide the files by {@link Claims claims}:
 * a fenced write checks and renews its claim inside its own transaction, so
 * it either lands before a takeover or not at all.
 */
public final class JdbcResultStore implements ResultStore, AutoCloseable {

	/** Where the schema's migrations are, inside this bundle. */
	static final String MIGRATIONS = "classpath:com/digitdesk/store/migration";

	private static final String UNIQUE_VIOLATION = "23505";
	private static final AtomicInteger POOLS = new AtomicInteger();

	/** A stored field with its latest correction; one row per review reason (or one without). */
	private static final String FIELD_ROWS = "SELECT f.id, d.file_name, p.page_index, p.template_id, f.name, "
			+ "f.current_value, f.status, f.confidence, f.proposal, "
			+ "c.old_value, c.new_value, c.outcome, c.user_name, c.at, "
			+ "r.kind, r.position, r.detail "
			+ "FROM fields f JOIN pages p ON p.id = f.page_id JOIN documents d ON d.id = p.document_id "
			+ "LEFT JOIN corrections c ON c.id = (SELECT MAX(l.id) FROM corrections l WHERE l.field_id = f.id) "
			+ "LEFT JOIN review_reasons r ON r.field_id = f.id ";

	private final String url;
	private final HikariDataSource pool;

	private JdbcResultStore(String url, HikariDataSource pool) {
		this.url = url;
		this.pool = pool;
	}

	/**
	 * Opens the store at {@code url} with a driver's factory and migrates its
	 * schema.
	 *
	 * @param poolSize most connections held at once
	 */
	public static JdbcResultStore open(String url, DataSourceFactory factory, int poolSize) throws StoreException {
		return open(url, null, factory, poolSize);
	}

	/**
	 * Opens the store at {@code url} with a driver's factory and migrates its
	 * schema. The password (the URL's own, else {@code password}) reaches the
	 * driver as a property of its own, never inside the URL, which drivers and
	 * pools log. An embedded database's files are its owner's only.
	 *
	 * @param password used when the URL has none; null or empty: none
	 * @param poolSize most connections held at once
	 */
	public static JdbcResultStore open(String url, String password, DataSourceFactory factory, int poolSize)
			throws StoreException {
		String shown = JdbcUrls.redact(url);
		EmbeddedFiles.prepare(url);
		DataSource dataSource;
		try {
			dataSource = factory.createDataSource(JdbcUrls.driverProperties(url, password));
		} catch (SQLException e) {
			throw new StoreException("opening the store at " + shown + ": " + e.getMessage(), e);
		}
		HikariConfig config = new HikariConfig();
		config.setDataSource(dataSource);
		config.setPoolName("digitdesk-store-" + POOLS.incrementAndGet());
		config.setMaximumPoolSize(Math.max(1, poolSize));
		// One connection always open: an embedded H2 database is closed, and
		// costly to open again, when its last connection goes.
		config.setMinimumIdle(1);
		if (JdbcUrls.isH2(url)) {
			// nothing between us and an embedded database retires connections
			config.setMaxLifetime(0);
		}
		HikariDataSource pool;
		try {
			pool = new HikariDataSource(config);
		} catch (RuntimeException e) {
			throw new StoreException("opening the store at " + shown + ": " + rootMessage(e), e);
		}
		try {
			migrate(pool);
		} catch (FlywayException e) {
			pool.close();
			throw new StoreException("migrating the schema of the store at " + shown + ": " + rootMessage(e), e);
		} catch (RuntimeException | Error e) {
			pool.close();
			throw e;
		}
		return new JdbcResultStore(shown, pool);
	}

	private static void migrate(DataSource dataSource) {
		// Flyway finds its database plug-ins and our migrations through this
		// bundle's class loader, which holds both its jars and the SQL files.
		Flyway.configure(JdbcResultStore.class.getClassLoader())
				.dataSource(dataSource)
				.locations(MIGRATIONS)
				.failOnMissingLocations(true)
				.load()
				.migrate();
	}

	/** Closes every pooled connection; the store cannot be used afterwards. */
	@Override
	public void close() {
		pool.close();
	}

	@Override
	public String toString() {
		return "ResultStore[" + url + "]";
	}

	// documents

	@Override
	public Optional<StoredDocument> findDocument(String contentSha256) throws StoreException {
		Objects.requireNonNull(contentSha256, "contentSha256");
		return read("looking up document " + contentSha256, c -> findDocument(c, contentSha256));
	}

	@Override
	public StoredDocument openDocument(DocumentSource source) throws StoreException {
		Objects.requireNonNull(source, "source");
		return read("opening document " + source.fileName(), c -> {
			Optional<StoredDocument> existing = findDocument(c, source.contentSha256());
			if (existing.isPresent()) {
				return existing.get();
			}
			Instant now = now();
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO documents "
					+ "(file_name, content_sha256, page_count, imported_at, complete) VALUES (?, ?, ?, ?, FALSE)",
					Statement.RETURN_GENERATED_KEYS)) {
				insert.setString(1, source.fileName());
				insert.setString(2, source.contentSha256());
				insert.setInt(3, source.pageCount());
				insert.setObject(4, timestamp(now));
				insert.executeUpdate();
				return new StoredDocument(generatedKey(insert), source, now, false);
			} catch (SQLException e) {
				if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
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
		return new TreeSet<>(list("listing the stored pages of document " + documentId,
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
		write(what, c -> {
			hold(c, claim, what);
			long pageId;
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO pages "
					+ "(document_id, page_index, template_id, registration_residual, problem) VALUES (?, ?, ?, ?, ?)",
					Statement.RETURN_GENERATED_KEYS)) {
				insert.setLong(1, documentId);
				insert.setInt(2, page.pageIndex());
				insert.setString(3, page.templateId());
				insert.setDouble(4, page.registrationResidual());
				insert.setString(5, page.problem().orElse(null));
				insert.executeUpdate();
				pageId = generatedKey(insert);
			} catch (SQLException e) {
				if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
					throw new StoreException(what + ": the page is already stored", e);
				}
				throw e;
			}
			if (!page.fields().isEmpty()) {
				long[] fieldIds = insertFields(c, pageId, page.fields());
				insertReasons(c, fieldIds, page.fields());
				insertDigits(c, fieldIds, page.fields());
			}
			return null;
		});
	}

	private static long[] insertFields(Connection c, long pageId, List<FieldResult> fields) throws SQLException {
		long[] ids = new long[fields.size()];
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO fields (page_id, position, name, "
				+ "read_value, current_value, status, confidence, proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
			for (int i = 0; i < fields.size(); i++) {
				FieldResult field = fields.get(i);
				insert.setLong(1, pageId);
				insert.setInt(2, i);
				insert.setString(3, field.name());
				insert.setString(4, field.value());
				insert.setString(5, field.value());
				insert.setString(6, field.status().code());
				insert.setDouble(7, field.confidence());
				insert.setString(8, field.proposal().orElse(null));
				insert.addBatch();
			}
			insert.executeBatch();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				int n = 0;
				while (keys.next()) {
					if (n < ids.length) {
						ids[n] = keys.getLong(1);
					}
					n++;
				}
				if (n != ids.length) {
					throw new SQLException("the database returned " + n + " keys for " + ids.length + " fields");
				}
			}
		}
		return ids;
	}

	private static void insertReasons(Connection c, long[] fieldIds, List<FieldResult> fields) throws SQLException {
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO review_reasons "
				+ "(field_id, ordinal, kind, position, detail) VALUES (?, ?, ?, ?, ?)")) {
			boolean any = false;
			for (int i = 0; i < fields.size(); i++) {
				List<ReviewReason> reasons = fields.get(i).reasons();
				for (int r = 0; r < reasons.size(); r++) {
					ReviewReason reason = reasons.get(r);
					insert.setLong(1, fieldIds[i]);
					insert.setInt(2, r);
					insert.setString(3, reason.kind().name());
					insert.setInt(4, reason.position());
					insert.setString(5, reason.detail());
					insert.addBatch();
					any = true;
				}
			}
			if (any) {
				insert.executeBatch();
			}
		}
	}

	private static void insertDigits(Connection c, long[] fieldIds, List<FieldResult> fields) throws SQLException {
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO digits (field_id, position, page_x, page_y, "
				+ "page_width, page_height, image, top_class, top_probability, ranked) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			boolean any = false;
			for (int i = 0; i < fields.size(); i++) {
				for (DigitResult digit : fields.get(i).digits()) {
					PixelBox box = digit.pageBox();
					insert.setLong(1, fieldIds[i]);
					insert.setInt(2, digit.position());
					insert.setInt(3, box.x());
					insert.setInt(4, box.y());
					insert.setInt(5, box.width());
					insert.setInt(6, box.height());
					insert.setBytes(7, digit.image().pixels());
					if (digit.prediction().isPresent()) {
						DigitPrediction prediction = digit.prediction().get();
						insert.setShort(8, (short) prediction.top().digit());
						insert.setDouble(9, prediction.confidence());
						insert.setString(10, Rankings.encode(prediction));
					} else {
						insert.setNull(8, Types.SMALLINT);
						insert.setNull(9, Types.DOUBLE);
						insert.setNull(10, Types.VARCHAR);
					}
					insert.addBatch();
					any = true;
				}
			}
			if (any) {
				insert.executeBatch();
			}
		}
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
		write(what, c -> {
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
		write(what, c -> {
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
		Optional<Document> document = read(what, c -> {
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
						instant(rows, 5), rows.getBoolean(6)));
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
				write(what, c -> {
					hold(c, claim, what);
					if (claim.isPresent()) {
						Claims.release(c, claim.get());
					}
					try (PreparedStatement update = c.prepareStatement("UPDATE quarantine SET reason = ?, at = ? "
							+ "WHERE source_file = ? AND content_sha256 = ?")) {
						update.setString(1, entry.reason());
						update.setObject(2, timestamp(entry.at()));
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
						insert.setObject(4, timestamp(entry.at()));
						insert.executeUpdate();
					}
					return null;
				});
				return;
			} catch (StoreException e) {
				// a concurrent first quarantine of the same file won the insert: update its row
				if (attempt > 1 || !(e.getCause() instanceof SQLException sql)
						|| !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
					throw e;
				}
			}
		}
	}

	@Override
	public List<QuarantineEntry> quarantined() throws StoreException {
		return list("listing quarantined files",
				"SELECT source_file, content_sha256, reason, at FROM quarantine ORDER BY at, id",
				rows -> new QuarantineEntry(rows.getString(1), rows.getString(2), rows.getString(3), instant(rows, 4)));
	}

	@Override
	public Optional<QuarantineEntry> quarantineEntry(String contentSha256) throws StoreException {
		Objects.requireNonNull(contentSha256, "contentSha256");
		return list("looking up the quarantine entry of content " + contentSha256,
				"SELECT source_file, content_sha256, reason, at FROM quarantine WHERE content_sha256 = ? "
						+ "ORDER BY at DESC, id DESC LIMIT 1",
				rows -> new QuarantineEntry(rows.getString(1), rows.getString(2), rows.getString(3), instant(rows, 4)),
				contentSha256).stream().findFirst();
	}

	// claims

	@Override
	public Optional<DocumentClaim> claim(String contentSha256, String claimant, Duration lease)
			throws StoreException {
		// the claim validates its parts before anything is written
		DocumentClaim wanted = new DocumentClaim(contentSha256, claimant, lease);
		return read("claiming content " + contentSha256 + " for " + claimant,
				c -> Claims.claim(c, wanted.contentSha256(), wanted.claimant(), wanted.lease()));
	}

	@Override
	public int renewClaims(String claimant, Duration lease) throws StoreException {
		Objects.requireNonNull(claimant, "claimant");
		Objects.requireNonNull(lease, "lease");
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("a claim's lease must be longer than zero, not " + lease);
		}
		return read("renewing the claims of " + claimant, c -> Claims.renewAll(c, claimant, lease));
	}

	@Override
	public void release(DocumentClaim claim) throws StoreException {
		Objects.requireNonNull(claim, "claim");
		read("giving up the claim of " + claim.claimant() + " on content " + claim.contentSha256(), c -> {
			Claims.release(c, claim);
			return null;
		});
	}

	// fields

	@Override
	public List<StoredField> reviewQueue(int limit) throws StoreException {
		if (limit <= 0) {
			return List.of();
		}
		return read("reading the review queue", c -> {
			try (PreparedStatement select = c.prepareStatement(FIELD_ROWS
					+ "WHERE f.id IN (SELECT q.id FROM fields q JOIN pages qp ON qp.id = q.page_id "
					+ "JOIN documents qd ON qd.id = qp.document_id "
					+ "WHERE q.status = 'needs_review' AND qd.complete ORDER BY q.confidence, q.id LIMIT ?) "
					+ "ORDER BY f.confidence, f.id, r.ordinal")) {
				select.setInt(1, limit);
				List<StoredField> fields = new ArrayList<>();
				readFields(select, fields::add);
				return fields;
			}
		});
	}

	@Override
	public Optional<StoredField> field(long fieldId) throws StoreException {
		return read("reading field " + fieldId, c -> field(c, fieldId));
	}

	private static Optional<StoredField> field(Connection c, long fieldId) throws SQLException {
		try (PreparedStatement select = c.prepareStatement(FIELD_ROWS + "WHERE f.id = ? ORDER BY r.ordinal")) {
			select.setLong(1, fieldId);
			List<StoredField> fields = new ArrayList<>(1);
			readFields(select, fields::add);
			return fields.stream().findFirst();
		}
	}

	@Override
	public List<DigitResult> digits(long fieldId) throws StoreException {
		return list("reading the digits of field " + fieldId, "SELECT position, page_x, page_y, page_width, "
				+ "page_height, image, ranked FROM digits WHERE field_id = ? ORDER BY position", rows -> {
					String ranked = rows.getString(7);
					return new DigitResult(rows.getInt(1),
							new PixelBox(rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5)),
							new DigitImage(rows.getBytes(6)),
							ranked == null ? Optional.empty() : Optional.of(Rankings.decode(ranked)));
				}, fieldId);
	}

	@Override
	public StoredField verify(long fieldId, String value, String user) throws StoreException {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(user, "user");
		return decide("verifying field " + fieldId, fieldId, value, FieldStatus.VERIFIED, user, null);
	}

	@Override
	public StoredField reject(long fieldId, String user, String reason) throws StoreException {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(reason, "reason");
		return decide("rejecting field " + fieldId, fieldId, null, FieldStatus.REJECTED, user, reason);
	}

	/** Records a clerk's decision with the field's new value and status, in one transaction. */
	private StoredField decide(String what, long fieldId, String newValue, FieldStatus outcome, String user,
			String note) throws StoreException {
		return write(what, c -> {
			String oldValue;
			try (PreparedStatement lock = c
					.prepareStatement("SELECT current_value FROM fields WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, fieldId);
				try (ResultSet rows = lock.executeQuery()) {
					if (!rows.next()) {
						throw new StoreException(what + ": there is no field " + fieldId);
					}
					oldValue = rows.getString(1);
				}
			}
			// a rejection keeps the value as read: nothing typed or read is lost
			String value = newValue == null ? oldValue : newValue;
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO corrections "
					+ "(field_id, old_value, new_value, outcome, user_name, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
				insert.setLong(1, fieldId);
				insert.setString(2, oldValue);
				insert.setString(3, value);
				insert.setString(4, outcome.code());
				insert.setString(5, user);
				insert.setObject(6, timestamp(now()));
				insert.setString(7, note);
				insert.executeUpdate();
			}
			try (PreparedStatement update = c
					.prepareStatement("UPDATE fields SET current_value = ?, status = ? WHERE id = ?")) {
				update.setString(1, value);
				update.setString(2, outcome.code());
				update.setLong(3, fieldId);
				update.executeUpdate();
			}
			return field(c, fieldId).orElseThrow();
		});
	}

	@Override
	public List<Correction> corrections(long fieldId) throws StoreException {
		return list("reading the corrections of field " + fieldId, "SELECT old_value, new_value, outcome, "
				+ "user_name, at FROM corrections WHERE field_id = ? ORDER BY id",
				rows -> new Correction(fieldId, rows.getString(1), rows.getString(2),
						FieldStatus.ofCode(rows.getString(3)), rows.getString(4), instant(rows, 5)),
				fieldId);
	}

	@Override
	public void forEachField(Consumer<StoredField> action) throws StoreException {
		Objects.requireNonNull(action, "action");
		Consumer<StoredField> tunnel = field -> {
			try {
				action.accept(field);
			} catch (RuntimeException e) {
				throw new ActionFailure(e);
			}
		};
		try {
			// One transaction, so that PostgreSQL streams the rows with a cursor
			// instead of loading every field of the store at once.
			write("reading every field", c -> {
				try (PreparedStatement select = c.prepareStatement(FIELD_ROWS + "WHERE d.complete "
						+ "ORDER BY d.imported_at, d.id, p.page_index, f.position, r.ordinal")) {
					select.setFetchSize(1000);
					readFields(select, tunnel);
				}
				return null;
			});
		} catch (StoreException e) {
			if (e.getCause() instanceof ActionFailure failure) {
				throw failure.getCause();
			}
			throw e;
		}
	}

	/** The caller's action failed: its exception goes back to the caller as it was. */
	private static final class ActionFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ActionFailure(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}
	}

	@Override
	public StoreSummary summary() throws StoreException {
		return read("counting the store's contents", c -> {
			long documents;
			long pages;
			long quarantined;
			try (PreparedStatement select = c.prepareStatement("SELECT "
					+ "(SELECT COUNT(*) FROM documents WHERE complete), (SELECT COUNT(*) FROM pages), "
					+ "(SELECT COUNT(*) FROM quarantine)");
					ResultSet rows = select.executeQuery()) {
				rows.next();
				documents = rows.getLong(1);
				pages = rows.getLong(2);
				quarantined = rows.getLong(3);
			}
			Map<FieldStatus, Long> byStatus = new EnumMap<>(FieldStatus.class);
			for (FieldStatus status : FieldStatus.values()) {
				byStatus.put(status, 0L);
			}
			try (PreparedStatement select = c
					.prepareStatement("SELECT status, COUNT(*) FROM fields GROUP BY status");
					ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					byStatus.put(FieldStatus.ofCode(rows.getString(1)), rows.getLong(2));
				}
			}
			return new StoreSummary(documents, pages, byStatus, quarantined);
		});
	}

	/** Reads {@link #FIELD_ROWS} rows, ordered by field then reason, into one StoredField per field. */
	private static void readFields(PreparedStatement select, Consumer<StoredField> action) throws SQLException {
		try (ResultSet rows = select.executeQuery()) {
			boolean more = rows.next();
			while (more) {
				long id = rows.getLong(1);
				String sourceFile = rows.getString(2);
				int page = rows.getInt(3) + 1;
				String templateId = rows.getString(4);
				String name = rows.getString(5);
				String value = rows.getString(6);
				FieldStatus status = FieldStatus.ofCode(rows.getString(7));
				double confidence = rows.getDouble(8);
				Optional<String> proposal = Optional.ofNullable(rows.getString(9));
				Optional<Correction> verification = Optional.empty();
				String outcome = rows.getString(12);
				if (outcome != null) {
					verification = Optional.of(new Correction(id, rows.getString(10), rows.getString(11),
							FieldStatus.ofCode(outcome), rows.getString(13), instant(rows, 14)));
				}
				List<ReviewReason> reasons = new ArrayList<>();
				do {
					String kind = rows.getString(15);
					if (kind != null) {
						reasons.add(new ReviewReason(ReviewReason.Kind.valueOf(kind), rows.getInt(16),
								rows.getString(17)));
					}
					more = rows.next();
				} while (more && rows.getLong(1) == id);
				action.accept(new StoredField(id, sourceFile, page, templateId, name, value, status, confidence,
						reasons, proposal, verification));
			}
		}
	}

	// JDBC plumbing

	@FunctionalInterface
	/** Makes one value of the current row of a result. */
	private interface Row<T> {
		T of(ResultSet rows) throws SQLException;
	}

	/** The rows of one query, with its parameters bound in order, as values. */
	private <T> List<T> list(String what, String sql, Row<T> row, Object... parameters) throws StoreException {
		return read(what, c -> {
			List<T> values = new ArrayList<>();
			try (PreparedStatement select = c.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					select.setObject(i + 1, parameters[i]);
				}
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						values.add(row.of(rows));
					}
				}
			}
			return values;
		});
	}

	private interface Work<T> {
		T run(Connection connection) throws SQLException, StoreException;
	}

	/** Runs {@code work} on a connection in auto-commit mode. */
	private <T> T read(String what, Work<T> work) throws StoreException {
		try (Connection c = pool.getConnection()) {
			return work.run(c);
		} catch (SQLException e) {
			throw failure(what, e);
		} catch (RuntimeException e) {
			throw new StoreException(what + ": " + rootMessage(e), e);
		}
	}

	/** Runs {@code work} in one transaction: all of it is committed, or none of it. */
	private <T> T write(String what, Work<T> work) throws StoreException {
		// the pool turns auto-commit back on when the connection returns
		try (Connection c = pool.getConnection()) {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			} catch (SQLException | StoreException | RuntimeException e) {
				try {
					c.rollback();
				} catch (SQLException rollback) {
					e.addSuppressed(rollback);
				}
				throw e;
			}
		} catch (SQLException e) {
			throw failure(what, e);
		} catch (RuntimeException e) {
			throw new StoreException(what + ": " + rootMessage(e), e);
		}
	}

	private StoreException failure(String what, SQLException e) {
		return new StoreException(what + ": " + e.getMessage(), e);
	}

	private static String rootMessage(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return message == null ? cause.toString() : message;
	}

	private static long generatedKey(PreparedStatement insert) throws SQLException {
		try (ResultSet keys = insert.getGeneratedKeys()) {
			if (!keys.next()) {
				throw new SQLException("the database returned no generated key");
			}
			return keys.getLong(1);
		}
	}

	/** Now, to the precision both databases keep, so what is returned equals what is read back. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rows, int column) throws SQLException {
		return rows.getObject(column, OffsetDateTime.class).toInstant();
	}
}
