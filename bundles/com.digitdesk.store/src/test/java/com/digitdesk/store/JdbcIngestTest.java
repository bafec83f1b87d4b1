package com.digitdesk.store;

import static com.digitdesk.store.Fixtures.page;
import static com.digitdesk.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.digitdesk.api.store.ClaimLostException;
import com.digitdesk.api.store.DocumentClaim;
import com.digitdesk.api.store.DocumentIngest;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.StoredDocument;

/** The importer's part on its own. */
class JdbcIngestTest extends PartTest {

	DocumentIngest ingest;

	@BeforeEach
	void open() {
		ingest = new JdbcIngest(database);
	}

	@Test
	void aClaimedDocumentIsStoredPageByPageAndCompletedWhichGivesTheClaimUp() throws Exception {
		StoredDocument document = ingest.openDocument(source("form.pdf", 2));
		DocumentClaim claim = ingest.claim(document.source().contentSha256(), "importer-1", Duration.ofMinutes(1))
				.orElseThrow();
		assertThat(ingest.claim(document.source().contentSha256(), "importer-2", Duration.ofMinutes(1))).isEmpty();
		ingest.storePage(document.id(), page(1, 4), claim);
		assertThat(ingest.storedPages(document.id())).containsExactly(1);
		ingest.storePage(document.id(), page(0, 4), claim);
		ingest.completeDocument(document.id(), claim);

		assertThat(ingest.findDocument(document.source().contentSha256())).hasValueSatisfying(
				stored -> assertThat(stored.complete()).isTrue());
		assertThat(ingest.claim(document.source().contentSha256(), "importer-2", Duration.ofMinutes(1)))
				.as("the claim was given up").isPresent();
		assertThatThrownBy(() -> ingest.storePage(document.id(), page(0, 1), claim))
				.isInstanceOf(ClaimLostException.class);
	}

	@Test
	void aFileThatCouldNotBeImportedIsDiscardedAndQuarantinedUnderItsClaim() throws Exception {
		StoredDocument document = ingest.openDocument(source("broken.pdf", 3));
		String content = document.source().contentSha256();
		DocumentClaim claim = ingest.claim(content, "importer-1", Duration.ofMinutes(1)).orElseThrow();
		ingest.storePage(document.id(), page(0, 2), claim);
		ingest.discardDocument(document.id(), claim);
		assertThat(ingest.findDocument(content)).isEmpty();

		QuarantineEntry entry = new QuarantineEntry("/in/broken.pdf", content, "page 2: cannot be rendered",
				Instant.parse("2024-05-01T10:15:30.123456Z"));
		ingest.quarantine(entry, claim);
		assertThat(ingest.quarantineEntry(content)).contains(entry);
		assertThat(ingest.renewClaims("importer-1", Duration.ofMinutes(1))).as("given up with the quarantine")
				.isZero();
	}
}
