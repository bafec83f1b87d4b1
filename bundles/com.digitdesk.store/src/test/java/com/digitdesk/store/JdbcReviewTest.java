package com.digitdesk.store;

import static com.digitdesk.store.Fixtures.doubtful;
import static com.digitdesk.store.Fixtures.field;
import static com.digitdesk.store.Fixtures.page;
import static com.digitdesk.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.store.StoredField;

/** The clerks' part on its own, over documents the importer's part stored. */
class JdbcReviewTest extends PartTest {

	FieldReview review;

	@BeforeEach
	void open() throws Exception {
		review = new JdbcReview(database);
		JdbcIngest ingest = new JdbcIngest(database);
		StoredDocument document = ingest.openDocument(source("w2.pdf", 1));
		ingest.storePage(document.id(), page(0, field("wages", "4200000", 0.999, 1),
				doubtful("ssn", "123456789", 0.4, 2), doubtful("ein", "987654321", 0.6, 3)));
		ingest.completeDocument(document.id());
	}

	@Test
	void aClerksCorrectionLeavesTheQueueAndIsRecordedWithTheDigitsToLearnFrom() throws Exception {
		List<StoredField> queue = review.reviewQueue(10);
		assertThat(queue).extracting(StoredField::name).containsExactly("ssn", "ein");
		StoredField ssn = queue.get(0);
		List<DigitResult> digits = review.digits(ssn.id());
		assertThat(digits).hasSize(10);
		assertThat(digits.get(0).prediction().orElseThrow().top().digit()).isEqualTo(1);

		StoredField corrected = review.verify(ssn.id(), "723456789", "alice");
		assertThat(corrected.status()).isEqualTo(FieldStatus.VERIFIED);
		assertThat(review.field(ssn.id())).contains(corrected);
		assertThat(review.corrections(ssn.id())).extracting(Correction::oldValue, Correction::newValue)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("123456789", "723456789"));
		assertThat(review.reject(queue.get(1).id(), "bob", "torn").status()).isEqualTo(FieldStatus.REJECTED);
		assertThat(review.reviewQueue(10)).isEmpty();
	}
}
