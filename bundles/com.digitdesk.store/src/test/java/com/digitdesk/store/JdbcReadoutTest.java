package com.digitdesk.store;

import static com.digitdesk.store.Fixtures.page;
import static com.digitdesk.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.ResultReadout;
import com.digitdesk.api.store.StoreSummary;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.store.StoredField;

/** What exports and summaries read, on its own, over what the importer's part stored. */
class JdbcReadoutTest extends PartTest {

	ResultReadout readout;
	JdbcIngest ingest;

	@BeforeEach
	void open() {
		readout = new JdbcReadout(database);
		ingest = new JdbcIngest(database);
	}

	@Test
	void onlyCompleteDocumentsAreReadOutAndCounted() throws Exception {
		StoredDocument done = ingest.openDocument(source("done.pdf", 1));
		ingest.storePage(done.id(), page(0, 4));
		ingest.completeDocument(done.id());
		StoredDocument half = ingest.openDocument(source("half.pdf", 2));
		ingest.storePage(half.id(), page(0, 3));
		ingest.quarantine(new QuarantineEntry("/in/notes.pdf", Fixtures.sha256("notes"), "no PDF",
				Instant.parse("2024-05-01T10:15:30Z")));

		List<String> fields = new ArrayList<>();
		readout.forEachField(field -> fields.add(field.sourceFile() + "/" + field.name()));
		assertThat(fields).containsExactly("done.pdf/line0", "done.pdf/line1", "done.pdf/line2", "done.pdf/line3");

		StoreSummary summary = readout.summary();
		assertThat(summary.documents()).isOne();
		assertThat(summary.pages()).as("pages of unfinished documents too").isEqualTo(2);
		assertThat(summary.quarantined()).isOne();
		assertThat(summary.fieldsByStatus()).containsEntry(FieldStatus.NEEDS_REVIEW, 2L);
		assertThat(readout.quarantined()).extracting(QuarantineEntry::sourceFile).containsExactly("/in/notes.pdf");
	}

	@Test
	void anExportActionsFailureReachesItsCallerAsItWas() throws Exception {
		StoredDocument done = ingest.openDocument(source("done.pdf", 1));
		ingest.storePage(done.id(), page(0, 2));
		ingest.completeDocument(done.id());
		IllegalStateException failure = new IllegalStateException("disk full");
		assertThatThrownBy(() -> readout.forEachField((StoredField field) -> {
			throw failure;
		})).isSameAs(failure);
	}
}
