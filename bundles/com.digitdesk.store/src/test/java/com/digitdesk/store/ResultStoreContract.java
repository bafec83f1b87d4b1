package com.digitdesk.store;

import static com.digitdesk.store.Fixtures.doubtful;
import static com.digitdesk.store.Fixtures.field;
import static com.digitdesk.store.Fixtures.page;
import static com.digitdesk.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.jdbc.DataSourceFactory;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoreSummary;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.store.StoredField;

/**
 * What every database behind {@link JdbcResultStore} must do; run once per
 * database by its subclasses.
 */
abstract class ResultStoreContract {

	static final List<String> TABLES = List.of("documents", "pages", "fields", "review_reasons", "digits",
			"corrections", "quarantine");

	JdbcResultStore store;

	/** The URL of an empty database. */
	abstract String url() throws Exception;

	/** The driver's own DataSourceFactory, as its bundle registers it. */
	abstract DataSourceFactory factory();

	@BeforeEach
	void open() throws Exception {
		store = JdbcResultStore.open(url(), factory(), 4);
	}

	@AfterEach
	void close() {
		if (store != null) {
			store.close();
		}
	}

	@Test
	void migrationCreatesTheSchemaOnceAndReopeningKeepsTheData() throws Exception {
		for (String table : TABLES) {
			assertThat(count(table)).as(table).isZero();
		}
		StoredDocument document = store.openDocument(source("scan-0001.pdf", 1));
		store.storePage(document.id(), page(0, 3));
		store.close();

		store = JdbcResultStore.open(url(), factory(), 2);
		assertThat(store.findDocument(document.source().contentSha256())).contains(document);
		assertThat(store.storedPages(document.id())).containsExactly(0);
		assertThat(count("fields")).isEqualTo(3);
		try (Connection c = connection(); Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT \"version\", \"success\" "
						+ "FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
			List<String> applied = new ArrayList<>();
			while (rows.next()) {
				applied.add(rows.getString(1) + ":" + rows.getBoolean(2));
			}
			assertThat(applied).containsExactly("1:true");
		}
	}

	@Test
	void aPageIsStoredWithEveryFieldReasonAndDigit() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0001.pdf", 1));
		PageResult page = page(0, 12);
		store.storePage(document.id(), page);
		store.completeDocument(document.id());

		List<StoredField> fields = new ArrayList<>();
		store.forEachField(fields::add);
		assertThat(fields).hasSize(12);
		assertThat(count("digits")).isEqualTo(12 * 9);
		for (int i = 0; i < fields.size(); i++) {
			StoredField stored = fields.get(i);
			FieldResult read = page.fields().get(i);
			assertThat(stored.sourceFile()).isEqualTo("scan-0001.pdf");
			assertThat(stored.page()).isEqualTo(1);
			assertThat(stored.templateId()).isEqualTo("f1040-p1");
			assertThat(stored.name()).isEqualTo(read.name());
			assertThat(stored.value()).isEqualTo(read.value());
			assertThat(stored.status()).isEqualTo(read.status());
			assertThat(stored.confidence()).isEqualTo(read.confidence());
			assertThat(stored.reasons()).isEqualTo(read.reasons());
			assertThat(stored.proposal()).isEqualTo(read.proposal());
			assertThat(stored.verification()).isEmpty();
			assertThat(store.digits(stored.id())).isEqualTo(read.digits());
			assertThat(store.field(stored.id())).contains(stored);
		}
		DigitResult empty = store.digits(fields.get(0).id()).get(8);
		assertThat(empty.prediction()).isEmpty();
		assertThat(empty.image()).isEqualTo(DigitImage.blank());
		assertThat(store.field(Long.MAX_VALUE)).isEmpty();
		assertThat(store.digits(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void aPageThatFailsLeavesNothingOfItself() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0001.pdf", 2));
		store.storePage(document.id(), page(0, 2));
		long fields = count("fields");
		long digits = count("digits");
		long reasons = count("review_reasons");

		FieldResult good = doubtful("line1", "12345", 0.4, 1);
		FieldResult clash = field("line2", "678", 0.9, 2);
		List<DigitResult> twice = new ArrayList<>(clash.digits());
		twice.add(twice.get(0)); // two digits at position 0
		FieldResult bad = new FieldResult(clash.name(), clash.value(), clash.status(), clash.confidence(), twice,
				List.of(), Optional.empty());
		assertThatThrownBy(() -> store.storePage(document.id(), page(1, good, bad)))
				.isInstanceOf(StoreException.class).hasMessageStartingWith("storing page 2 of scan-0001.pdf: ");

		assertThat(store.storedPages(document.id())).containsExactly(0);
		assertThat(count("pages")).isEqualTo(1);
		assertThat(count("fields")).isEqualTo(fields);
		assertThat(count("digits")).isEqualTo(digits);
		assertThat(count("review_reasons")).isEqualTo(reasons);

		// the same page, put right, goes in
		store.storePage(document.id(), page(1, good));
		assertThat(store.storedPages(document.id())).containsExactly(0, 1);
	}

	@Test
	void aPageIsStoredOnlyOnce() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0002.pdf", 3));
		store.storePage(document.id(), page(2, 4));
		long fields = count("fields");
		long digits = count("digits");

		assertThatThrownBy(() -> store.storePage(document.id(), page(2, 6))).isInstanceOf(StoreException.class)
				.hasMessage("storing page 3 of scan-0002.pdf: the page is already stored");
		assertThat(count("pages")).isEqualTo(1);
		assertThat(count("fields")).isEqualTo(fields);
		assertThat(count("digits")).isEqualTo(digits);

		assertThatThrownBy(() -> store.storePage(document.id(), page(3, 1))).isInstanceOf(StoreException.class)
				.hasMessage("storing page 4 of scan-0002.pdf: the document has 3 pages");
		assertThatThrownBy(() -> store.storePage(Long.MAX_VALUE, page(0, 1))).isInstanceOf(StoreException.class)
				.hasMessageContaining("there is no document " + Long.MAX_VALUE);
	}

	@Test
	void anUnreadablePageIsStoredWithoutFieldsAndCompletesTheDocument() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0003.pdf", 2));
		store.storePage(document.id(), page(0, 2));
		assertThatThrownBy(() -> store.completeDocument(document.id())).isInstanceOf(StoreException.class)
				.hasMessage("completing scan-0003.pdf: only 1 of its 2 pages are stored");
		assertThat(store.findDocument(document.source().contentSha256()).orElseThrow().complete()).isFalse();

		store.storePage(document.id(), PageResult.unreadable(1, "unknown", "no template matches this page"));
		store.completeDocument(document.id());
		assertThat(store.storedPages(document.id())).containsExactly(0, 1);
		assertThat(store.findDocument(document.source().contentSha256()).orElseThrow().complete()).isTrue();
		assertThat(count("pages")).isEqualTo(2);
		assertThat(count("fields")).isEqualTo(2);
		try (Connection c = connection(); Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT problem FROM pages WHERE page_index = 1")) {
			rows.next();
			assertThat(rows.getString(1)).isEqualTo("no template matches this page");
		}
	}

	@Test
	void openDocumentResumesTheUnfinishedOneAndNeverMakesTwo() throws Exception {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
		StoredDocument first = store.openDocument(source("scan-0004.pdf", 3));
		assertThat(first.complete()).isFalse();
		assertThat(first.importedAt()).isBetween(before, Instant.now());
		store.storePage(first.id(), page(0, 1));

		// the same content under another name is the same document
		StoredDocument again = store.openDocument(
				new DocumentSource("copy.pdf", first.source().contentSha256(), 3));
		assertThat(again).isEqualTo(first);
		assertThat(store.storedPages(again.id())).containsExactly(0);
		assertThat(store.findDocument(Fixtures.sha256("nothing"))).isEmpty();

		// importers racing for new content meet at one row
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<StoredDocument>> opened = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				opened.add(pool.submit(() -> {
					start.await();
					return store.openDocument(source("scan-0005.pdf", 1));
				}));
			}
			start.countDown();
			Set<Long> ids = new HashSet<>();
			for (Future<StoredDocument> document : opened) {
				ids.add(document.get().id());
			}
			assertThat(ids).hasSize(1);
		} finally {
			pool.shutdownNow();
		}
		assertThat(count("documents")).isEqualTo(2);
	}

	@Test
	void theReviewQueueHoldsDoubtfulFieldsOfCompleteDocumentsLowestConfidenceFirst() throws Exception {
		StoredDocument done = store.openDocument(source("done.pdf", 1));
		store.storePage(done.id(), page(0, doubtful("a", "111", 0.61, 1), field("b", "222", 0.999, 2),
				doubtful("c", "333", 0.23, 3), doubtful("d", "444", 0.45, 4)));
		store.completeDocument(done.id());
		StoredDocument busy = store.openDocument(source("busy.pdf", 2));
		store.storePage(busy.id(), page(0, doubtful("e", "555", 0.01, 5)));

		List<StoredField> queue = store.reviewQueue(10);
		assertThat(queue).extracting(StoredField::name).containsExactly("c", "d", "a");
		assertThat(queue).allSatisfy(f -> {
			assertThat(f.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
			assertThat(f.sourceFile()).isEqualTo("done.pdf");
			assertThat(f.reasons()).extracting(ReviewReason::kind).containsExactly(
					ReviewReason.Kind.LOW_CONFIDENCE_DIGIT, ReviewReason.Kind.RULE_FAILED);
		});
		assertThat(queue.get(0).proposal()).contains("333");
		assertThat(store.reviewQueue(2)).extracting(StoredField::name).containsExactly("c", "d");
		assertThat(store.reviewQueue(0)).isEmpty();

		store.verify(queue.get(0).id(), "338", "alice");
		assertThat(store.reviewQueue(10)).extracting(StoredField::name).containsExactly("d", "a");
	}

	@Test
	void verifyAndRejectRecordWhoDidWhatAndWhen() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0006.pdf", 1));
		store.storePage(document.id(), page(0, doubtful("ssn", "123456789", 0.52, 1), doubtful("line9", "0417",
				0.31, 2)));
		store.completeDocument(document.id());
		List<StoredField> queue = store.reviewQueue(10);
		StoredField line9 = queue.get(0);
		StoredField ssn = queue.get(1);

		Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
		StoredField corrected = store.verify(ssn.id(), "123456780", "alice");
		Instant after = Instant.now();
		assertThat(corrected.value()).isEqualTo("123456780");
		assertThat(corrected.status()).isEqualTo(FieldStatus.VERIFIED);
		assertThat(corrected.reasons()).isEqualTo(ssn.reasons());
		Correction correction = corrected.verification().orElseThrow();
		assertThat(correction.fieldId()).isEqualTo(ssn.id());
		assertThat(correction.oldValue()).isEqualTo("123456789");
		assertThat(correction.newValue()).isEqualTo("123456780");
		assertThat(correction.outcome()).isEqualTo(FieldStatus.VERIFIED);
		assertThat(correction.user()).isEqualTo("alice");
		assertThat(correction.at()).isBetween(before, after);
		assertThat(store.field(ssn.id())).contains(corrected);

		// a second look: confirmed as it now is, by someone else
		StoredField confirmed = store.verify(ssn.id(), "123456780", "bob");
		assertThat(confirmed.verification().orElseThrow().user()).isEqualTo("bob");
		assertThat(store.corrections(ssn.id())).extracting(Correction::oldValue, Correction::newValue,
				Correction::user).containsExactly(tuple("123456789", "123456780",
						"alice"), tuple("123456780", "123456780", "bob"));

		StoredField rejected = store.reject(line9.id(), "carol", "smudged beyond reading");
		assertThat(rejected.status()).isEqualTo(FieldStatus.REJECTED);
		assertThat(rejected.value()).isEqualTo("0417");
		assertThat(rejected.verification().orElseThrow()).satisfies(c -> {
			assertThat(c.outcome()).isEqualTo(FieldStatus.REJECTED);
			assertThat(c.user()).isEqualTo("carol");
			assertThat(c.oldValue()).isEqualTo("0417");
		});
		assertThat(store.corrections(line9.id())).hasSize(1);
		assertThat(store.reviewQueue(10)).isEmpty();
		assertThat(store.corrections(Long.MAX_VALUE)).isEmpty();

		assertThatThrownBy(() -> store.verify(Long.MAX_VALUE, "1", "alice")).isInstanceOf(StoreException.class)
				.hasMessage("verifying field " + Long.MAX_VALUE + ": there is no field " + Long.MAX_VALUE);
		assertThat(count("corrections")).isEqualTo(3);
	}

	@Test
	void forEachFieldWalksCompleteDocumentsInImportPageAndFieldOrder() throws Exception {
		StoredDocument first = store.openDocument(source("first.pdf", 2));
		StoredDocument unfinished = store.openDocument(source("unfinished.pdf", 2));
		StoredDocument second = store.openDocument(source("second.pdf", 1));
		// pages arrive in any order
		store.storePage(second.id(), page(0, field("x", "9", 0.99, 1), doubtful("y", "8", 0.4, 2)));
		store.storePage(first.id(), page(1, field("c", "3", 0.99, 3)));
		store.storePage(unfinished.id(), page(0, field("u", "0", 0.99, 4)));
		store.storePage(first.id(), page(0, field("a", "1", 0.99, 5), field("b", "2", 0.99, 6)));
		store.completeDocument(second.id());
		store.completeDocument(first.id());
		StoredField y = store.reviewQueue(1).get(0);
		store.verify(y.id(), "6", "alice");
		store.verify(y.id(), "5", "bob");

		List<StoredField> walked = new ArrayList<>();
		store.forEachField(walked::add);
		assertThat(walked).extracting(f -> f.sourceFile() + ":" + f.page() + ":" + f.name() + "=" + f.value())
				.containsExactly("first.pdf:1:a=1", "first.pdf:1:b=2", "first.pdf:2:c=3", "second.pdf:1:x=9",
						"second.pdf:1:y=5");
		StoredField last = walked.get(4);
		assertThat(last.status()).isEqualTo(FieldStatus.VERIFIED);
		assertThat(last.reasons()).hasSize(2);
		assertThat(last.verification().orElseThrow()).extracting(Correction::oldValue, Correction::newValue,
				Correction::user).containsExactly("6", "5", "bob");
		assertThat(walked.get(0).verification()).isEmpty();

		// the caller's own failure comes back as it was, and the store stays usable
		IllegalStateException stop = new IllegalStateException("disk full");
		assertThatThrownBy(() -> store.forEachField(f -> {
			throw stop;
		})).isSameAs(stop);
		assertThat(store.summary().documents()).isEqualTo(2);
	}

	@Test
	void aQuarantinedFileIsListedOnceWithItsLatestReason() throws Exception {
		Instant t0 = Instant.parse("2026-03-01T10:15:30.123456Z");
		store.quarantine(new QuarantineEntry("in/a.pdf", Fixtures.sha256("a"), "page 2: not a PDF page", t0));
		store.quarantine(new QuarantineEntry("in/b.pdf", "", "cannot be read: permission denied",
				t0.plusSeconds(1)));
		store.quarantine(new QuarantineEntry("in/a.pdf", Fixtures.sha256("a"), "page 3: no template matches",
				t0.plusSeconds(2)));

		assertThat(store.quarantined()).containsExactly(
				new QuarantineEntry("in/b.pdf", "", "cannot be read: permission denied", t0.plusSeconds(1)),
				new QuarantineEntry("in/a.pdf", Fixtures.sha256("a"), "page 3: no template matches",
						t0.plusSeconds(2)));
		assertThat(store.summary().quarantined()).isEqualTo(2);
	}

	@Test
	void theSummaryCountsCompleteDocumentsPagesFieldsByStatusAndQuarantine() throws Exception {
		assertThat(store.summary()).satisfies(s -> {
			assertThat(s.documents()).isZero();
			assertThat(s.fields()).isZero();
			assertThat(s.fieldsByStatus()).containsOnlyKeys(FieldStatus.values());
		});
		StoredDocument done = store.openDocument(source("done.pdf", 2));
		store.storePage(done.id(), page(0, 6));
		store.storePage(done.id(), PageResult.unreadable(1, "unknown", "blank page"));
		store.completeDocument(done.id());
		StoredDocument busy = store.openDocument(source("busy.pdf", 2));
		store.storePage(busy.id(), page(0, 3));
		store.reject(store.reviewQueue(1).get(0).id(), "alice", "torn");
		store.quarantine(new QuarantineEntry("x.pdf", "", "not a PDF", Instant.now()));

		StoreSummary summary = store.summary();
		assertThat(summary.documents()).isEqualTo(1);
		assertThat(summary.pages()).isEqualTo(3);
		assertThat(summary.fields()).isEqualTo(9);
		assertThat(summary.fields(FieldStatus.AUTO_ACCEPTED)).isEqualTo(6);
		assertThat(summary.fields(FieldStatus.NEEDS_REVIEW)).isEqualTo(2);
		assertThat(summary.fields(FieldStatus.REJECTED)).isEqualTo(1);
		assertThat(summary.fields(FieldStatus.VERIFIED)).isZero();
		assertThat(summary.quarantined()).isEqualTo(1);
	}

	@Test
	void digitsKeepTheirBoxesGlyphsAndEveryRankedClass() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0007.pdf", 1));
		FieldResult field = doubtful("amount", "1234", 0.0123456789012345, 7);
		store.storePage(document.id(), page(0, field));
		store.completeDocument(document.id());
		long id = store.reviewQueue(1).get(0).id();
		List<DigitResult> digits = store.digits(id);
		assertThat(digits).isEqualTo(field.digits());
		assertThat(digits.get(0).pageBox()).isEqualTo(new PixelBox(100, 280, 28, 36));
		assertThat(digits.get(0).prediction().orElseThrow().ranked()).hasSize(4);
		assertThat(digits.get(0).prediction().orElseThrow().confidence()).isEqualTo(0.5 + 0.0123456789012345 / 2);
	}

	/** Rows in {@code table}, read past the store. */
	long count(String table) throws Exception {
		try (Connection c = connection(); Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	Connection connection() throws Exception {
		return dataSource(factory(), url()).getConnection();
	}

	static DataSource dataSource(DataSourceFactory factory, String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty(DataSourceFactory.JDBC_URL, url);
		return factory.createDataSource(properties);
	}
}
