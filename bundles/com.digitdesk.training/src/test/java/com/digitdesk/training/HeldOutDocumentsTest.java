package com.digitdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.store.Sample;
import com.digitdesk.api.store.SampleState;

class HeldOutDocumentsTest {

	@Test
	void holdsOutWholeDocumentsUntilTheShareIsReached() {
		// 9 documents of 20 verified digits: the sample archive's case, where one document in five held out 4
		List<Sample> samples = samples(9, 20, new Random(3));
		HeldOutDocuments.Split split = HeldOutDocuments.split(samples, 0.2);
		assertThat(split.heldOut()).hasSizeBetween(36, 36 + 19);
		assertThat(split.fitting().size() + split.heldOut().size()).isEqualTo(samples.size());
		Set<Long> heldDocuments = documents(split.heldOut());
		assertThat(documents(split.fitting())).doesNotContainAnyElementsOf(heldDocuments);
	}

	@Test
	void theSameDocumentsWhateverTheOrder() {
		List<Sample> samples = samples(40, 7, new Random(5));
		List<Sample> shuffled = new ArrayList<>(samples);
		Collections.shuffle(shuffled, new Random(9));
		assertThat(documents(HeldOutDocuments.split(shuffled, 0.2).heldOut()))
				.isEqualTo(documents(HeldOutDocuments.split(samples, 0.2).heldOut()));
		// neither the first nor the last ids alone: the order is a scramble of the ids
		Set<Long> held = documents(HeldOutDocuments.split(samples, 0.2).heldOut());
		assertThat(held).isNotEqualTo(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
		assertThat(held).isNotEqualTo(Set.of(33L, 34L, 35L, 36L, 37L, 38L, 39L, 40L));
	}

	@Test
	void aSingleDocumentTrainsAndHoldsNothingOut() {
		List<Sample> samples = samples(1, 30, new Random(1));
		HeldOutDocuments.Split split = HeldOutDocuments.split(samples, 0.2);
		assertThat(split.heldOut()).isEmpty();
		assertThat(split.fitting()).hasSize(30);
	}

	private static Set<Long> documents(List<Sample> samples) {
		return samples.stream().map(Sample::documentId).collect(Collectors.toSet());
	}

	private static List<Sample> samples(int documents, int perDocument, Random random) {
		List<Sample> samples = new ArrayList<>();
		long id = 1;
		for (long document = 1; document <= documents; document++) {
			for (int i = 0; i < perDocument; i++) {
				samples.add(new Sample(id++, document * 100 + i / 5, i % 5, DigitImage.blank(), random.nextInt(10),
						0.9, "clerk", Instant.EPOCH, document, Optional.empty(), "csv", SampleState.ACCEPTED, ""));
			}
		}
		return samples;
	}
}
