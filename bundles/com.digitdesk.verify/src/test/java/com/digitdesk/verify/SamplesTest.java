package com.digitdesk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.Sample;
import com.digitdesk.api.store.SampleState;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.verify.KeyedOutcome;
import com.digitdesk.api.verify.KeyedValue;
import com.digitdesk.api.verify.VerificationSession;
import com.digitdesk.store.JdbcResultStore;

/** Clerks' decisions become training samples in their transaction, guarded against bad labels. */
class SamplesTest {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@TempDir
	Path dir;

	JdbcResultStore store;

	@BeforeEach
	void fill() throws Exception {
		store = Forms.h2(dir);
		Forms.document(store, "scan-0001.pdf", Forms.waiting("ssn", "123456789"), Forms.waiting("line2", "17.00"));
		Forms.document(store, "scan-0002.pdf", Forms.waiting("ssn", "98765432?"), Forms.waiting("date", "12312024"));
		// the first form again, scanned twice: the same glyphs
		Forms.document(store, "scan-0003.pdf", Forms.waiting("ssn", "123456789"));
	}

	@AfterEach
	void close() {
		store.close();
	}

	private List<Sample> samples(SampleState state) throws StoreException {
		return store.samples(state, 1000);
	}

	@Test
	void everyVerifiedDigitIsASampleAndALabelTheModelGaveNoChanceIsSuspect() throws Exception {
		VerificationSession session = Desk.open(store, "alice", LEASE, Forms.specs());
		// confirmed as read: nine samples, labels in the value's order
		assertThat(session.confirm().done()).isTrue();
		assertThat(samples(SampleState.ACCEPTED)).extracting(Sample::position, Sample::label, Sample::source)
				.containsExactly(tuple(0, 1, "window"), tuple(1, 2, "window"), tuple(2, 3, "window"),
						tuple(3, 4, "window"), tuple(4, 5, "window"), tuple(5, 6, "window"), tuple(6, 7, "window"),
						tuple(7, 8, "window"), tuple(8, 9, "window"));
		assertThat(samples(SampleState.ACCEPTED).get(0).image()).isEqualTo(Forms.glyph("ssn123456789", 0));
		assertThat(samples(SampleState.ACCEPTED).get(0).clerk()).isEqualTo("alice");

		// 17.00 corrected to 19.00: the 7 read at 0.999 relabelled 9, a class the model gave no chance
		assertThat(session.title()).endsWith("line2");
		for (char key : "1900".toCharArray()) {
			session.type(key);
		}
		assertThat(session.confirm().done()).isTrue();
		assertThat(samples(SampleState.SUSPECT)).singleElement().satisfies(s -> {
			assertThat(s.label()).isEqualTo(9);
			assertThat(s.position()).isEqualTo(1);
			assertThat(s.readProbability()).isLessThan(1e-4);
			assertThat(s.note()).contains("probability");
		});
		assertThat(samples(SampleState.ACCEPTED)).hasSize(12);

		// the clerk who gave it cannot vouch for it; a second clerk can
		long suspect = samples(SampleState.SUSPECT).get(0).id();
		assertThatThrownBy(() -> store.confirmSample(suspect, "alice")).hasMessageContaining("second clerk");
		assertThat(store.confirmSample(suspect, "bob").state()).isEqualTo(SampleState.ACCEPTED);
		assertThatThrownBy(() -> store.acceptSample(suspect, "admin")).hasMessageContaining("not suspect");

		// undo: the decision's samples are never used
		assertThat(session.undo().done()).isTrue();
		assertThat(samples(SampleState.WITHDRAWN)).hasSize(4).allSatisfy(s -> assertThat(s.note()).contains("undone"));
		assertThat(store.sampleCounts()).filteredOn(c -> c.state() == SampleState.ACCEPTED)
				.extracting(c -> c.count()).containsOnly(1L);
		session.close();
	}

	@Test
	void aGlyphKeptBeforeWithItsLabelIsKeptOnceAndWithAnotherLabelIsSuspect() throws Exception {
		VerificationSession session = Desk.open(store, "alice", LEASE, Forms.specs());
		session.confirm();
		int kept = samples(SampleState.ACCEPTED).size();
		List<KeyedOutcome> outcomes = KeyedDecisions.apply(store, "carol",
				List.of(new KeyedValue("scan-0003.pdf", 1, "ssn", "123456780")), Forms.specs(), LEASE, 1e-4);
		assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.applied()).as(o.message()).isTrue());
		// eight glyphs as before: kept once; the last one now labelled 0 after 9: suspect
		assertThat(samples(SampleState.ACCEPTED)).hasSize(kept);
		assertThat(samples(SampleState.SUSPECT)).singleElement().satisfies(s -> {
			assertThat(s.label()).isZero();
			assertThat(s.source()).isEqualTo("csv");
			assertThat(s.clerk()).isEqualTo("carol");
		});
		assertThat(store.acceptSample(samples(SampleState.SUSPECT).get(0).id(), "admin").note())
				.startsWith("accepted by admin");
		session.close();
	}

	@Test
	void keyedValuesAreAppliedAsDecisionsOrReported() throws Exception {
		List<KeyedOutcome> outcomes = KeyedDecisions.apply(store, "dora", List.of(
				new KeyedValue("scan-0002.pdf", 1, "ssn", "987654323"),
				new KeyedValue("scan-0002.pdf", 1, "date", "13312024"),
				new KeyedValue("scan-0009.pdf", 1, "ssn", "123456789"),
				new KeyedValue("scan-0001.pdf", 1, "line2", "170.00")), Forms.specs(), LEASE, 1e-4);
		assertThat(outcomes).extracting(KeyedOutcome::applied).containsExactly(true, false, false, true);
		assertThat(outcomes.get(1).message()).isEqualTo("13/31/2024 is no date");
		assertThat(outcomes.get(2).message()).isEqualTo("matches no waiting field");

		assertThat(store.reviewQueue(100)).extracting(f -> f.sourceFile() + " " + f.name())
				.containsExactly("scan-0001.pdf ssn", "scan-0002.pdf date", "scan-0003.pdf ssn");
		var ssn = store.corrections(store.samples(SampleState.ACCEPTED, 1).get(0).fieldId());
		assertThat(ssn).singleElement().satisfies(c -> {
			assertThat(c.user()).isEqualTo("dora");
			assertThat(c.newValue()).isEqualTo("987654323");
		});
		// the 9th glyph was read as no digit, now 3: a class the model gave no chance
		assertThat(samples(SampleState.SUSPECT)).extracting(Sample::position, Sample::label)
				.containsExactly(tuple(8, 3));
		// "170.00" has five digits for four glyphs: no glyph can be labelled for sure, none is
		assertThat(samples(SampleState.ACCEPTED)).extracting(Sample::source).containsOnly("csv").hasSize(8);
		assertThat(store.field(store.corrections(samples(SampleState.ACCEPTED).get(0).fieldId()).get(0).fieldId()))
				.map(f -> f.status()).contains(FieldStatus.VERIFIED);
		assertThat(Optional.of(outcomes.get(3).message())).hasValueSatisfying(m -> assertThat(m).startsWith("verified"));
	}
}
