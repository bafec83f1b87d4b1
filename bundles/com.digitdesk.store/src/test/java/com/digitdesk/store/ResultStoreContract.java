package com.digitdesk.store;

import static com.digitdesk.store.Fixtures.doubtful;
import static com.digitdesk.store.Fixtures.field;
import static com.digitdesk.store.Fixtures.page;
import static com.digitdesk.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
import com.digitdesk.api.store.ClaimLostException;
import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.DocumentClaim;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ModelState;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.NewModel;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoreSummary;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.store.ClerkDecision;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.store.PageScan;
import com.digitdesk.api.store.QueuePlace;

/**
 * What every database behind {@link JdbcResultStore} must do; run once per
 * database by its subclasses.
 */
abstract class ResultStoreContract {

	static final List<String> TABLES = List.of("documents", "pages", "fields", "review_reasons", "digits",
			"corrections", "quarantine", "claims", "page_images", "field_images", "field_claims");

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
			assertThat(applied).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true");
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
	void theReviewQueueHoldsDoubtfulFieldsOfCompleteDocumentsInDocumentOrder() throws Exception {
		StoredDocument done = store.openDocument(source("done.pdf", 1));
		store.storePage(done.id(), page(0, doubtful("a", "111", 0.61, 1), field("b", "222", 0.999, 2),
				doubtful("c", "333", 0.23, 3), doubtful("d", "444", 0.45, 4)));
		store.completeDocument(done.id());
		StoredDocument busy = store.openDocument(source("busy.pdf", 2));
		store.storePage(busy.id(), page(0, doubtful("e", "555", 0.01, 5)));

		List<StoredField> queue = store.reviewQueue(10);
		assertThat(queue).extracting(StoredField::name).containsExactly("a", "c", "d");
		assertThat(queue).allSatisfy(f -> {
			assertThat(f.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
			assertThat(f.sourceFile()).isEqualTo("done.pdf");
			assertThat(f.reasons()).extracting(ReviewReason::kind).containsExactly(
					ReviewReason.Kind.LOW_CONFIDENCE_DIGIT, ReviewReason.Kind.RULE_FAILED);
		});
		assertThat(queue.get(1).proposal()).contains("333");
		assertThat(store.reviewQueue(2)).extracting(StoredField::name).containsExactly("a", "c");
		assertThat(store.reviewQueue(0)).isEmpty();
		assertThat(store.waitingCount()).isEqualTo(3);

		store.verify(queue.get(1).id(), "338", "alice");
		assertThat(store.reviewQueue(10)).extracting(StoredField::name).containsExactly("a", "d");
		assertThat(store.waitingCount()).isEqualTo(2);
	}

	@Test
	void verifyAndRejectRecordWhoDidWhatAndWhen() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0006.pdf", 1));
		store.storePage(document.id(), page(0, doubtful("ssn", "123456789", 0.52, 1), doubtful("line9", "0417",
				0.31, 2)));
		store.completeDocument(document.id());
		List<StoredField> queue = store.reviewQueue(10);
		StoredField ssn = queue.get(0);
		StoredField line9 = queue.get(1);

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
	void aPageKeepsItsScanAndEveryFieldItsBoxAndSnippetForClerksElsewhere() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0100.pdf", 1));
		FieldResult ssn = doubtful("ssn", "123456789", 0.52, 1);
		FieldResult boxed = new FieldResult(ssn.name(), ssn.value(), ssn.status(), ssn.confidence(), ssn.digits(),
				ssn.reasons(), ssn.proposal(), Optional.of(new PixelBox(300, 400, 500, 60)));
		byte[] page = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };
		byte[] snippet = { (byte) 0x89, 'P', 'N', 'G', 4, 5 };
		store.storePage(document.id(), page(0, boxed, field("zip", "12345", 0.999, 2)).withScan(new PageScan(2550,
				3300, page, Map.of("ssn", new FieldImage(new PixelBox(290, 385, 520, 90), snippet)))));
		store.completeDocument(document.id());

		StoredField stored = store.reviewQueue(1).get(0);
		assertThat(stored.box()).contains(new PixelBox(300, 400, 500, 60));
		assertThat(stored.place().pageIndex()).isZero();
		assertThat(stored.place().position()).isZero();
		PageScan scan = store.pageScan(stored.id()).orElseThrow();
		assertThat(scan.png()).isEqualTo(page);
		assertThat(scan.rasterWidth()).isEqualTo(2550);
		assertThat(scan.rasterHeight()).isEqualTo(3300);
		FieldImage image = store.fieldImage(stored.id()).orElseThrow();
		assertThat(image.png()).isEqualTo(snippet);
		assertThat(image.box()).isEqualTo(new PixelBox(290, 385, 520, 90));
		List<StoredField> onPage = store.pageFields(stored.id());
		assertThat(onPage).extracting(StoredField::name).containsExactly("ssn", "zip");
		assertThat(onPage.get(1).box()).isEmpty();
		assertThat(store.fieldImage(onPage.get(1).id())).isEmpty();
		assertThat(store.pageScan(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void theQueueWalksForwardAndBackFromAPlaceAndLeavesOutWhatAnotherClerkHasOnScreen() throws Exception {
		StoredDocument first = store.openDocument(source("first.pdf", 2));
		StoredDocument second = store.openDocument(source("second.pdf", 1));
		store.storePage(first.id(), page(1, doubtful("c", "3", 0.5, 3), doubtful("d", "4", 0.5, 4)));
		store.storePage(first.id(), page(0, doubtful("a", "1", 0.5, 1), field("x", "9", 0.999, 9),
				doubtful("b", "2", 0.5, 2)));
		store.storePage(second.id(), page(0, doubtful("e", "5", 0.5, 5)));
		store.completeDocument(first.id());
		store.completeDocument(second.id());

		List<StoredField> all = store.reviewQueue(QueuePlace.START, true, "alice", 10);
		assertThat(all).extracting(StoredField::name).containsExactly("a", "b", "c", "d", "e");
		assertThat(all).extracting(StoredField::place).isSorted();
		assertThat(store.reviewQueue(all.get(1).place(), true, "alice", 2)).extracting(StoredField::name)
				.containsExactly("c", "d");
		assertThat(store.reviewQueue(all.get(3).place(), false, "alice", 10)).extracting(StoredField::name)
				.containsExactly("c", "b", "a");

		Duration lease = Duration.ofMinutes(2);
		assertThat(store.claimField(all.get(2).id(), "bob", lease)).isTrue();
		assertThat(store.claimField(all.get(2).id(), "alice", lease)).isFalse();
		assertThat(store.claimField(all.get(2).id(), "bob", lease)).as("renewed").isTrue();
		assertThat(store.reviewQueue(QueuePlace.START, true, "alice", 10)).extracting(StoredField::name)
				.containsExactly("a", "b", "d", "e");
		assertThat(store.reviewQueue(QueuePlace.START, true, "bob", 10)).extracting(StoredField::name)
				.containsExactly("a", "b", "c", "d", "e");
		assertThat(store.claimedFields("bob")).extracting(StoredField::name).containsExactly("c");
		assertThat(store.renewFieldClaims("bob", lease)).isEqualTo(1);
		store.releaseField(all.get(2).id(), "alice");
		assertThat(store.claimedFields("bob")).hasSize(1);
		store.releaseField(all.get(2).id(), "bob");
		assertThat(store.claimedFields("bob")).isEmpty();
		assertThat(store.claimField(all.get(2).id(), "alice", lease)).isTrue();

		// an expired claim is taken over
		assertThat(store.claimField(all.get(3).id(), "bob", Duration.ofMillis(1))).isTrue();
		Thread.sleep(20);
		assertThat(store.claimedFields("bob")).isEmpty();
		assertThat(store.claimField(all.get(3).id(), "alice", lease)).isTrue();
		// a field that does not wait is not claimed
		StoredField x = store.pageFields(all.get(0).id()).get(1);
		assertThat(x.status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(store.claimField(x.id(), "alice", lease)).isFalse();
	}

	@Test
	void aClerksDecisionKeepsItsEffortIsRefusedOnAFieldAnotherClerkHoldsOrDecidedAndCanBeUndone() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0007.pdf", 1));
		store.storePage(document.id(), page(0, doubtful("ssn", "123456789", 0.52, 1), doubtful("line9", "0417",
				0.31, 2)));
		store.completeDocument(document.id());
		StoredField ssn = store.reviewQueue(2).get(0);
		StoredField line9 = store.reviewQueue(2).get(1);
		Duration lease = Duration.ofMinutes(2);
		assertThat(store.claimField(ssn.id(), "alice", lease)).isTrue();

		assertThatThrownBy(() -> store.decide(ssn.id(), ClerkDecision.verified("bob", "123456780",
				Duration.ofSeconds(3), 10))).isInstanceOf(StoreException.class)
				.hasMessageContaining("alice has it on screen");
		StoredField corrected = store.decide(ssn.id(), ClerkDecision.verified("alice", "123456780",
				Duration.ofMillis(2500), 2));
		assertThat(corrected.status()).isEqualTo(FieldStatus.VERIFIED);
		assertThat(corrected.value()).isEqualTo("123456780");
		Correction decision = corrected.verification().orElseThrow();
		assertThat(decision.changedPositions()).containsExactly(8);
		assertThat(decision.seconds()).isEqualTo(2.5);
		assertThat(decision.keystrokes()).isEqualTo(2);
		assertThat(decision.undone()).isEmpty();
		assertThat(store.claimedFields("alice")).as("the claim goes with the decision").isEmpty();
		assertThatThrownBy(() -> store.decide(ssn.id(), ClerkDecision.verified("bob", "123456789", Duration.ZERO,
				0))).isInstanceOf(StoreException.class).hasMessageContaining("it no longer waits (verified by alice)");
		assertThatThrownBy(() -> store.undo(ssn.id(), "bob")).isInstanceOf(StoreException.class)
				.hasMessageContaining("its decision is alice's");

		StoredField undone = store.undo(ssn.id(), "alice");
		assertThat(undone.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(undone.value()).isEqualTo("123456789");
		assertThat(undone.verification()).isEmpty();
		assertThat(store.reviewQueue(10)).extracting(StoredField::name).containsExactly("ssn", "line9");
		assertThat(store.corrections(ssn.id())).singleElement().satisfies(c -> {
			assertThat(c.newValue()).isEqualTo("123456780");
			assertThat(c.undone().orElseThrow().user()).isEqualTo("alice");
		});
		assertThatThrownBy(() -> store.undo(ssn.id(), "alice")).isInstanceOf(StoreException.class)
				.hasMessageContaining("no decision to undo");

		StoredField rejected = store.decide(line9.id(), ClerkDecision.rejected("bob", "torn", Duration.ofSeconds(1),
				1));
		assertThat(rejected.status()).isEqualTo(FieldStatus.REJECTED);
		assertThat(rejected.value()).isEqualTo("0417");
		assertThat(rejected.verification().orElseThrow().changedPositions()).isEmpty();
		assertThat(store.waitingCount()).isEqualTo(1);
	}

	@Test
	void twoClerksDecidingTheSameFieldsAtOnceDecideEachFieldOnce() throws Exception {
		StoredDocument document = store.openDocument(source("race.pdf", 1));
		List<FieldResult> fields = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			fields.add(doubtful("f" + i, "12", 0.5, i % 7));
		}
		store.storePage(document.id(), page(0, fields.toArray(FieldResult[]::new)));
		store.completeDocument(document.id());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> clerks = new ArrayList<>();
			for (String clerk : List.of("alice", "bob")) {
				clerks.add(pool.submit(() -> {
					int decided = 0;
					for (StoredField field : store.reviewQueue(QueuePlace.START, true, clerk, 100)) {
						try {
							if (store.claimField(field.id(), clerk, Duration.ofMinutes(1))) {
								store.decide(field.id(), ClerkDecision.verified(clerk, "13", Duration.ZERO, 1));
								decided++;
							}
						} catch (StoreException e) {
							// decided by the other clerk in between: refused, nothing written
						}
					}
					return decided;
				}));
			}
			assertThat(clerks.get(0).get() + clerks.get(1).get()).isEqualTo(30);
		} finally {
			pool.shutdownNow();
		}
		assertThat(count("corrections")).isEqualTo(30);
		assertThat(store.waitingCount()).isZero();
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

	// claims

	static final Duration LONG = Duration.ofSeconds(30);
	static final Duration SHORT = Duration.ofMillis(300);

	@Test
	void aClaimKeepsOtherClaimantsOutUntilItIsReleased() throws Exception {
		String content = Fixtures.sha256("scan-0100.pdf");
		String other = Fixtures.sha256("scan-0101.pdf");

		assertThat(store.claim(content, "importer-a", SHORT)).contains(new DocumentClaim(content, "importer-a", SHORT));
		assertThat(store.claim(content, "importer-b", LONG)).isEmpty();
		// the holder asking again renews its own claim, here for longer
		DocumentClaim claim = store.claim(content, "importer-a", LONG).orElseThrow();
		assertThat(claim).isEqualTo(new DocumentClaim(content, "importer-a", LONG));
		sleepPast(SHORT);
		assertThat(store.claim(content, "importer-b", LONG)).isEmpty();
		assertThat(leaseLeft(content)).isBetween(LONG.minusSeconds(5), LONG);

		store.claim(other, "importer-a", SHORT).orElseThrow();
		assertThat(store.renewClaims("importer-a", LONG)).isEqualTo(2);
		assertThat(leaseLeft(other)).isBetween(LONG.minusSeconds(5), LONG);
		assertThat(store.renewClaims("importer-b", LONG)).isZero();
		assertThat(count("claims")).isEqualTo(2);

		// only its claimant gives a claim up
		store.release(new DocumentClaim(content, "importer-b", LONG));
		assertThat(store.claim(content, "importer-b", LONG)).isEmpty();
		store.release(claim);
		assertThat(store.claim(content, "importer-b", LONG)).contains(new DocumentClaim(content, "importer-b", LONG));
		// releasing what is no longer held does nothing
		store.release(claim);
		assertThat(store.claim(content, "importer-a", LONG)).isEmpty();

		assertThatThrownBy(() -> store.claim(content, "importer-a", Duration.ZERO))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.renewClaims("importer-a", Duration.ofSeconds(-1)))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.claim("scan-0100.pdf", "importer-a", LONG))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anExpiredClaimIsTakenOverAndStaysLostToItsFormerHolder() throws Exception {
		String content = Fixtures.sha256("scan-0102.pdf");
		String forgotten = Fixtures.sha256("scan-0103.pdf");
		store.claim(content, "importer-a", SHORT).orElseThrow();
		store.claim(forgotten, "importer-a", SHORT).orElseThrow();
		assertThat(store.claim(content, "importer-b", SHORT)).isEmpty();

		sleepPast(SHORT);
		assertThat(store.claim(content, "importer-b", LONG)).contains(new DocumentClaim(content, "importer-b", LONG));
		// expired claims are not renewed, even the one nobody took over
		assertThat(store.renewClaims("importer-a", LONG)).isZero();
		assertThat(store.claim(content, "importer-a", LONG)).isEmpty();
		assertThat(store.claim(forgotten, "importer-c", LONG)).isPresent();
	}

	@Test
	void aPageStoredUnderALostClaimIsNotStored() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0104.pdf", 3));
		String content = document.source().contentSha256();
		DocumentClaim a = store.claim(content, "importer-a", SHORT).orElseThrow();
		store.storePage(document.id(), page(0, 3), a);
		assertThat(store.storedPages(document.id())).containsExactly(0);

		// a fenced write renews the claim for the lease it carries
		store.storePage(document.id(), page(1, 3), new DocumentClaim(content, "importer-a", LONG));
		sleepPast(SHORT);
		assertThat(store.claim(content, "importer-b", SHORT)).isEmpty();
		store.release(a);

		DocumentClaim b = store.claim(content, "importer-b", SHORT).orElseThrow();
		Map<String, Long> before = counts();
		assertThatThrownBy(() -> store.storePage(document.id(), page(2, 3), a))
				.isInstanceOf(ClaimLostException.class)
				.hasMessage("storing page 3 of scan-0104.pdf: importer-a no longer holds the claim on content "
						+ content + " (its lease ran out and importer-b took the content over); nothing was written");
		assertThat(counts()).isEqualTo(before);

		// an expired claim nobody took over is lost all the same
		sleepPast(SHORT);
		assertThatThrownBy(() -> store.storePage(document.id(), page(2, 3), b))
				.isInstanceOf(ClaimLostException.class).hasMessageContaining("(its lease ran out)");
		assertThat(counts()).isEqualTo(before);

		DocumentClaim c = store.claim(content, "importer-c", LONG).orElseThrow();
		assertThat(store.storedPages(document.id())).containsExactly(0, 1);
		store.storePage(document.id(), page(2, 3), c);
		assertThatThrownBy(() -> store.completeDocument(document.id(), b)).isInstanceOf(ClaimLostException.class);
		assertThat(store.findDocument(content).orElseThrow().complete()).isFalse();
		store.completeDocument(document.id(), c);
		assertThat(store.findDocument(content).orElseThrow().complete()).isTrue();
		// completing gave the claim up
		assertThat(count("claims")).isZero();
		assertThatThrownBy(() -> store.storePage(document.id(), page(2, 1), c))
				.isInstanceOf(ClaimLostException.class).hasMessageContaining("(it was given up)");
	}

	@Test
	void aClaimFencesOnlyItsOwnContent() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0105.pdf", 2));
		DocumentClaim elsewhere = store.claim(Fixtures.sha256("other.pdf"), "importer-a", LONG).orElseThrow();
		store.claim(document.source().contentSha256(), "importer-a", LONG).orElseThrow();

		assertThatThrownBy(() -> store.storePage(document.id(), page(0, 1), elsewhere))
				.isInstanceOf(StoreException.class).isNotInstanceOf(ClaimLostException.class)
				.hasMessage("storing page 1 of scan-0105.pdf: the claim is on content " + elsewhere.contentSha256()
						+ ", not on this document's " + document.source().contentSha256());
		assertThatThrownBy(() -> store.discardDocument(document.id(), elsewhere))
				.isInstanceOf(StoreException.class).hasMessageContaining("the claim is on content");
		assertThatThrownBy(() -> store.completeDocument(document.id(), elsewhere))
				.isInstanceOf(StoreException.class).hasMessageContaining("the claim is on content");
		assertThatThrownBy(() -> store.quarantine(new QuarantineEntry("in/scan-0105.pdf",
				document.source().contentSha256(), "page 2: not a PDF page", Instant.now()), elsewhere))
				.isInstanceOf(StoreException.class).hasMessageContaining("the claim is on content");
		assertThat(count("pages")).isZero();
		assertThat(count("quarantine")).isZero();
		assertThat(count("claims")).isEqualTo(2);
	}

	@Test
	void completingUnderAClaimGivesItUpOnlyWhenTheDocumentIsComplete() throws Exception {
		StoredDocument document = store.openDocument(source("scan-0106.pdf", 2));
		String content = document.source().contentSha256();
		DocumentClaim claim = store.claim(content, "importer-a", LONG).orElseThrow();
		store.storePage(document.id(), page(0, 2), claim);
		assertThatThrownBy(() -> store.completeDocument(document.id(), claim)).isInstanceOf(StoreException.class)
				.hasMessage("completing scan-0106.pdf: only 1 of its 2 pages are stored");
		assertThat(store.claim(content, "importer-b", LONG)).isEmpty();

		store.storePage(document.id(), page(1, 2), claim);
		store.completeDocument(document.id(), claim);
		assertThat(store.findDocument(content).orElseThrow().complete()).isTrue();
		assertThat(store.claim(content, "importer-b", LONG)).isPresent();
	}

	@Test
	void discardingRemovesEverythingOfAnIncompleteDocumentAndNothingElse() throws Exception {
		StoredDocument kept = store.openDocument(source("kept.pdf", 1));
		store.storePage(kept.id(), page(0, 4));
		Map<String, Long> before = counts();

		StoredDocument document = store.openDocument(source("scan-0107.pdf", 3));
		String content = document.source().contentSha256();
		DocumentClaim claim = store.claim(content, "importer-a", SHORT).orElseThrow();
		store.storePage(document.id(), page(0, 5), claim);
		store.storePage(document.id(), PageResult.unreadable(1, "unknown", "no template matches this page"),
				claim);
		assertThat(count("review_reasons")).isGreaterThan(before.get("review_reasons"));

		// a lost claim discards nothing
		sleepPast(SHORT);
		Map<String, Long> stored = counts();
		assertThatThrownBy(() -> store.discardDocument(document.id(), claim))
				.isInstanceOf(ClaimLostException.class).hasMessageStartingWith(
						"discarding scan-0107.pdf (document " + document.id() + "): importer-a no longer holds");
		assertThat(counts()).isEqualTo(stored);

		DocumentClaim again = store.claim(content, "importer-a", SHORT).orElseThrow();
		store.discardDocument(document.id(), new DocumentClaim(content, "importer-a", LONG));
		assertThat(store.findDocument(content)).isEmpty();
		assertThat(store.storedPages(document.id())).isEmpty();
		Map<String, Long> after = counts();
		after.put("claims", 0L);
		assertThat(after).isEqualTo(before);
		assertThat(store.storedPages(kept.id())).containsExactly(0);
		// the claim is kept, renewed by the discard, for the quarantine that follows
		sleepPast(SHORT);
		assertThat(store.claim(content, "importer-b", LONG)).isEmpty();
		store.quarantine(new QuarantineEntry("in/scan-0107.pdf", content, "page 3: not a PDF page", Instant.now()),
				again);
		assertThat(count("claims")).isZero();

		// the same content imported afresh is a new document
		StoredDocument fresh = store.openDocument(source("scan-0107.pdf", 3));
		assertThat(fresh.id()).isNotEqualTo(document.id());
		assertThat(store.storedPages(fresh.id())).isEmpty();
		assertThatThrownBy(() -> store.discardDocument(document.id(), again)).isInstanceOf(StoreException.class)
				.hasMessage("discarding document " + document.id() + ": there is no document " + document.id());
	}

	@Test
	void aCompleteOrCorrectedDocumentIsNotDiscarded() throws Exception {
		StoredDocument done = store.openDocument(source("done.pdf", 1));
		DocumentClaim doneClaim = store.claim(done.source().contentSha256(), "importer-a", LONG).orElseThrow();
		store.storePage(done.id(), page(0, 3));
		store.completeDocument(done.id());

		StoredDocument checked = store.openDocument(source("checked.pdf", 2));
		DocumentClaim checkedClaim = store.claim(checked.source().contentSha256(), "importer-a", LONG)
				.orElseThrow();
		store.storePage(checked.id(), page(0, field("a", "1", 0.99, 1), doubtful("b", "23", 0.4, 2)));
		store.storePage(checked.id(), page(1, doubtful("c", "45", 0.3, 3)));
		StoredField c = fieldNamed("c");
		store.verify(c.id(), "46", "alice");
		Map<String, Long> before = counts();

		assertThatThrownBy(() -> store.discardDocument(done.id(), doneClaim)).isInstanceOf(StoreException.class)
				.isNotInstanceOf(ClaimLostException.class)
				.hasMessage("discarding done.pdf (document " + done.id() + "): the document is complete");
		assertThatThrownBy(() -> store.discardDocument(checked.id(), checkedClaim))
				.isInstanceOf(StoreException.class).hasMessage("discarding checked.pdf (document " + checked.id()
						+ "): a clerk has already corrected field c on page 2");
		assertThat(counts()).isEqualTo(before);

		// a rejection is a clerk's decision too
		StoredDocument rejected = store.openDocument(source("rejected.pdf", 2));
		DocumentClaim rejectedClaim = store.claim(rejected.source().contentSha256(), "importer-a", LONG)
				.orElseThrow();
		store.storePage(rejected.id(), page(0, doubtful("d", "67", 0.3, 4)));
		store.reject(fieldNamed("d").id(), "bob", "torn");
		assertThatThrownBy(() -> store.discardDocument(rejected.id(), rejectedClaim))
				.isInstanceOf(StoreException.class).hasMessageEndingWith(
						"a clerk has already corrected field d on page 1");
		assertThat(store.storedPages(rejected.id())).containsExactly(0);
	}

	@Test
	void quarantiningUnderAClaimRecordsTheFileAndGivesTheClaimUp() throws Exception {
		String content = Fixtures.sha256("not-a-pdf.pdf");
		assertThat(store.quarantineEntry(content)).isEmpty();
		Instant t0 = Instant.parse("2026-03-01T10:15:30.123456Z");

		// a claim comes before any document: this content never becomes one
		DocumentClaim claim = store.claim(content, "importer-a", LONG).orElseThrow();
		QuarantineEntry first = new QuarantineEntry("in/not-a-pdf.pdf", content, "not a PDF", t0);
		store.quarantine(first, claim);
		assertThat(store.quarantineEntry(content)).contains(first);
		assertThat(store.quarantined()).containsExactly(first);
		assertThat(count("claims")).isZero();

		// a lost claim records nothing
		DocumentClaim lost = store.claim(content, "importer-b", SHORT).orElseThrow();
		sleepPast(SHORT);
		QuarantineEntry late = new QuarantineEntry("in/copy.pdf", content, "not a PDF either", t0.plusSeconds(5));
		assertThatThrownBy(() -> store.quarantine(late, lost)).isInstanceOf(ClaimLostException.class)
				.hasMessageStartingWith("quarantining in/copy.pdf: importer-b no longer holds the claim");
		assertThat(store.quarantined()).containsExactly(first);

		// the latest entry of the content, under whatever name
		DocumentClaim again = store.claim(content, "importer-c", LONG).orElseThrow();
		QuarantineEntry second = new QuarantineEntry("in/copy.pdf", content, "still not a PDF", t0.plusSeconds(10));
		store.quarantine(second, again);
		assertThat(store.quarantineEntry(content)).contains(second);
		assertThat(store.quarantined()).containsExactly(first, second);
		assertThat(store.quarantineEntry(Fixtures.sha256("nothing"))).isEmpty();
		assertThat(store.claim(content, "importer-d", LONG)).isPresent();
	}

	@Test
	void ofClaimantsRacingForTheSameContentExactlyOneWins() throws Exception {
		int claimants = 6;
		List<String> contents = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			contents.add(Fixtures.sha256("race-" + i));
		}
		// a third of them held by an importer that died: their claims expire and are taken over
		for (String content : contents.subList(0, 10)) {
			store.claim(content, "dead-importer", Duration.ofMillis(1)).orElseThrow();
		}
		sleepPast(Duration.ofMillis(50));

		Map<String, List<String>> winners = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(claimants);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> won = new ArrayList<>();
			for (int i = 0; i < claimants; i++) {
				String claimant = "importer-" + i;
				List<String> order = new ArrayList<>(contents);
				Collections.rotate(order, i * 5);
				won.add(pool.submit(() -> {
					start.await();
					int n = 0;
					for (String content : order) {
						if (store.claim(content, claimant, LONG).isPresent()) {
							winners.computeIfAbsent(content, k -> Collections.synchronizedList(new ArrayList<>()))
									.add(claimant);
							n++;
						}
					}
					return n;
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> n : won) {
				total += n.get();
			}
			assertThat(total).isEqualTo(contents.size());
		} finally {
			pool.shutdownNow();
		}
		assertThat(winners).containsOnlyKeys(contents);
		winners.forEach((content, who) -> assertThat(who).as(content).hasSize(1));
		// each winner holds what it won, and nobody else does
		for (String content : contents) {
			String winner = winners.get(content).get(0);
			assertThat(store.claim(content, winner, LONG)).isPresent();
			assertThat(store.claim(content, "late-importer", LONG)).isEmpty();
		}
		assertThat(count("claims")).isEqualTo(contents.size());
	}

	@Test
	void aWriteRacingATakeoverLandsBeforeTheTakeoverOrNotAtAll() throws Exception {
		int pages = 200;
		StoredDocument document = store.openDocument(source("scan-0108.pdf", pages));
		String content = document.source().contentSha256();
		// shorter than one page's write, longer than the pause between two: it runs out while a page is written
		DocumentClaim a = new DocumentClaim(content, "importer-a", Duration.ofMillis(5));
		store.claim(content, a.claimant(), LONG).orElseThrow();
		Set<Integer> storedByA = ConcurrentHashMap.newKeySet();
		ExecutorService importer = Executors.newSingleThreadExecutor();
		try {
			Future<ClaimLostException> importerA = importer.submit(() -> {
				for (int i = 0; i < pages; i++) {
					try {
						store.storePage(document.id(), page(i, 40), a);
					} catch (ClaimLostException e) {
						return e;
					}
					storedByA.add(i);
				}
				return null;
			});
			Optional<DocumentClaim> b = Optional.empty();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (b.isEmpty() && System.nanoTime() < deadline) {
				b = store.claim(content, "importer-b", LONG);
			}
			assertThat(b).as("importer-b took the content over").isPresent();
			Set<Integer> seenByB = store.storedPages(document.id());

			assertThat(importerA.get()).as("importer-a stopped by losing its claim").isNotNull();
			assertThat(seenByB).containsAll(storedByA).isEqualTo(store.storedPages(document.id()));
		} finally {
			importer.shutdownNow();
		}
	}

	/** Waits until a lease of {@code lease} that began before the call has run out, with a margin. */
	static void sleepPast(Duration lease) throws InterruptedException {
		Thread.sleep(lease.toMillis() + 150);
	}

	/** How long the claim on {@code content} has left, by the database's clock. */
	Duration leaseLeft(String content) throws Exception {
		try (Connection c = connection(); Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT lease_until, CURRENT_TIMESTAMP FROM claims "
						+ "WHERE content_sha256 = '" + content + "'")) {
			assertThat(rows.next()).as("a claim on " + content).isTrue();
			return Duration.between(rows.getObject(2, OffsetDateTime.class),
					rows.getObject(1, OffsetDateTime.class));
		}
	}

	/** Rows in every table. */
	Map<String, Long> counts() throws Exception {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, count(table));
		}
		return counts;
	}

	/** The stored field of that name, read past the store's queries for complete documents. */
	StoredField fieldNamed(String name) throws Exception {
		try (Connection c = connection(); Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT id FROM fields WHERE name = '" + name + "'")) {
			assertThat(rows.next()).as("a field " + name).isTrue();
			return store.field(rows.getLong(1)).orElseThrow();
		}
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

	@Test
	void modelVersionsArePromotedOneAtATimeAndRolledBackInOrder() throws Exception {
		assertThat(store.currentModel()).isEmpty();
		assertThatThrownBy(() -> store.rollback("admin")).hasMessageContaining("no version was current before");
		byte[] first = "graph one".getBytes(StandardCharsets.UTF_8);
		ModelVersion v1 = store.addModel(new NewModel(Optional.empty(), first, "{\"card\":1}", "{}", "shipped"));
		assertThat(v1.version()).startsWith("v");
		assertThat(v1.state()).isEqualTo(ModelState.CANDIDATE);
		assertThat(store.modelGraph(v1.version())).isEqualTo(first);
		assertThat(store.promote(v1.version(), "admin").state()).isEqualTo(ModelState.CURRENT);
		assertThatThrownBy(() -> store.promote(v1.version(), "admin")).hasMessageContaining("current already");

		ModelVersion v2 = store.addModel(new NewModel(Optional.of(v1.version()), "graph two".getBytes(
				StandardCharsets.UTF_8), "{\"card\":2}", "{\"mnist\":0.0035}", "retrained"));
		assertThat(v2.parent()).contains(v1.version());
		assertThatThrownBy(() -> store.addModel(new NewModel(Optional.of("v999"), first, "{}", "{}", "")))
				.hasMessageContaining("parent v999");
		store.promote(v2.version(), "admin");
		assertThat(store.currentModel()).map(ModelVersion::version).contains(v2.version());
		assertThat(store.models()).extracting(ModelVersion::version, ModelVersion::state).containsExactly(
				tuple(v2.version(), ModelState.CURRENT), tuple(v1.version(), ModelState.RETIRED));

		// back to the version current before; once more: there is none before it
		assertThat(store.rollback("admin").version()).isEqualTo(v1.version());
		assertThat(store.models()).extracting(ModelVersion::state).containsExactly(ModelState.RETIRED,
				ModelState.CURRENT);
		assertThatThrownBy(() -> store.rollback("admin")).hasMessageContaining("before " + v1.version());
		assertThat(store.noteModel(v2.version(), "rolled back: worse on the new hand").note())
				.isEqualTo("rolled back: worse on the new hand");

		// a damaged graph is never handed out
		try (Connection c = connection(); Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE models SET sha256 = 'feed' WHERE version_name = '" + v2.version() + "'");
		}
		assertThatThrownBy(() -> store.modelGraph(v2.version())).hasMessageContaining("damaged");
		assertThatThrownBy(() -> store.modelGraph("v999")).hasMessageContaining("no such version");
	}
}
