package com.digitdesk.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FieldStatusTest {

	@Test
	void exportCodesRoundTrip() {
		for (FieldStatus status : FieldStatus.values()) {
			assertThat(FieldStatus.ofCode(status.code())).isSameAs(status);
		}
		assertThat(FieldStatus.AUTO_ACCEPTED.code()).isEqualTo("auto_accepted");
		assertThat(FieldStatus.NEEDS_REVIEW.code()).isEqualTo("needs_review");
	}

	@Test
	void autoAcceptedFieldsHaveNoReasons() {
		ReviewReason low = new ReviewReason(ReviewReason.Kind.LOW_CONFIDENCE_DIGIT, 2, "p=0.6");
		assertThatThrownBy(() -> new FieldResult("line1", "12.00", FieldStatus.AUTO_ACCEPTED, 0.99, List.of(),
				List.of(low), Optional.empty())).hasMessageContaining("auto-accepted but has review reasons");
	}

	@Test
	void documentsAreIdentifiedBySha256() {
		assertThatThrownBy(() -> new DocumentSource("a.pdf", "abc", 1)).hasMessageContaining("not a SHA-256");
	}
}
