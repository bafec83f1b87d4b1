package com.digitdesk.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.QueuePlace;
import com.digitdesk.api.verify.VerificationSession;
import com.digitdesk.store.JdbcResultStore;

/**
 * Two clerks' sessions on one store at the same time: PostgreSQL when
 * {@value Forms#POSTGRES_VARIABLE} names one (as the CI does), else the embedded
 * store.
 */
class TwoClerksTest {

	@TempDir
	Path dir;

	@Test
	void twoClerksClearingOneQueueTogetherDecideEveryFieldOnceAndSkipNone() throws Exception {
		JdbcResultStore store = Forms.postgres().orElse(null);
		if (store == null) {
			store = Forms.h2(dir);
		}
		try {
			for (int d = 0; d < 8; d++) {
				List<FieldResult> fields = new ArrayList<>();
				for (int f = 0; f < 10; f++) {
					fields.add(f % 4 == 3 ? Forms.field("zip", "12345", -1, Optional.empty())
							: Forms.waiting("ssn", "12345678" + f));
				}
				Forms.document(store, "scan-" + d + ".pdf", fields.toArray(FieldResult[]::new));
			}
			int waiting = store.waitingCount();
			assertThat(waiting).isEqualTo(8 * 8);
			JdbcResultStore shared = store;
			ExecutorService clerks = Executors.newFixedThreadPool(2);
			try {
				List<Future<Integer>> done = new ArrayList<>();
				for (String clerk : List.of("alice", "bob")) {
					done.add(clerks.submit(() -> {
						int confirmed = 0;
						try (VerificationSession session = Desk.open(shared, clerk, Duration.ofMinutes(1),
								Forms.specs())) {
							while (session.current().isPresent()) {
								if (session.confirm().done()) {
									confirmed++;
								}
							}
						}
						return confirmed;
					}));
				}
				int alice = done.get(0).get();
				int bob = done.get(1).get();
				assertThat(alice + bob).isEqualTo(waiting);
				assertThat(alice).as("both clerks worked").isPositive();
				assertThat(bob).as("both clerks worked").isPositive();
			} finally {
				clerks.shutdownNow();
			}
			assertThat(store.waitingCount()).isZero();
			Set<Long> decided = new HashSet<>();
			assertThat(store.reviewQueue(QueuePlace.START, true, "nobody", 1)).isEmpty();
			store.forEachField(field -> {
				if (field.name().equals("ssn")) {
					decided.add(field.id());
					assertThat(field.status()).isEqualTo(FieldStatus.VERIFIED);
				}
			});
			assertThat(decided).hasSize(waiting);
			for (long id : decided) {
				assertThat(store.corrections(id)).as("field " + id + " decided once").hasSize(1);
			}
		} finally {
			store.close();
		}
	}
}
