package com.digitdesk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.verify.ConfusionGrid;
import com.digitdesk.api.verify.ConfusionTile;
import com.digitdesk.api.verify.VerificationSession;
import com.digitdesk.store.JdbcResultStore;

/** Doubtful digits of many fields grouped by what was read and its runner-up, answered a grid at a time. */
class ConfusionGridTest {

	@TempDir
	Path dir;

	JdbcResultStore store;

	@BeforeEach
	void fill() throws Exception {
		store = Forms.h2(dir);
		FieldResult ruleToo = Forms.field("line2", "17.00", 1, Optional.empty());
		ruleToo = new FieldResult(ruleToo.name(), ruleToo.value(), ruleToo.status(), ruleToo.confidence(),
				ruleToo.digits(), List.of(ruleToo.reasons().get(0), new ReviewReason(ReviewReason.Kind.RULE_FAILED, -1,
						"line 3 = line 1 + line 2 fails by 6.00")), Optional.empty());
		// read 1, runner-up 7: line1 and the SSN; read 7, runner-up 1: the two ZIPs and the date
		Forms.document(store, "scan-0001.pdf", Forms.field("line1", "1234.56", 0, Optional.empty()),
				Forms.field("zip", "70000", 0, Optional.empty()), ruleToo);
		Forms.document(store, "scan-0002.pdf", Forms.field("ssn", "123456789", 0, Optional.empty()),
				Forms.field("zip", "37000", 1, Optional.empty()), Forms.field("date", "07042024", 1,
						Optional.empty()));
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void theLargestPairComesFirstAndEnterConfirmsItsTilesAsReadButThoseRelabelled() throws Exception {
		VerificationSession session = Desk.open(store, "alice", Duration.ofMinutes(1), Forms.specs());
		assertThat(session.title()).isEqualTo("DigitDesk verify - scan-0001.pdf p.1 line1");
		List<ConfusionGrid> grids = session.confusionGrids();
		assertThat(grids).extracting(ConfusionGrid::read, ConfusionGrid::runnerUp, g -> g.tiles().size())
				.containsExactly(tuple(7, 1, 3), tuple(1, 7, 2));
		ConfusionGrid sevens = grids.get(0);
		assertThat(sevens.tiles()).extracting(t -> t.field().name(), ConfusionTile::position)
				.containsExactly(tuple("zip", 0), tuple("zip", 1), tuple("date", 1));
		// the field with a failed rule too is in no grid: the grid could not decide it

		sevens.move(+1);
		sevens.relabel('1');
		assertThat(sevens.relabelled(1)).contains(1);
		assertThat(sevens.cursor()).isEqualTo(2);
		sevens.move(+5);
		assertThat(sevens.cursor()).isEqualTo(2);
		assertThat(sevens.confirm().done()).isTrue();

		assertThat(store.reviewQueue(10)).extracting(StoredField::name).containsExactly("line1", "line2", "ssn");
		List<StoredField> second = store.pageFields(sevens.tiles().get(1).field().id());
		assertThat(second).extracting(StoredField::name, StoredField::value, StoredField::status).containsExactly(
				tuple("ssn", "123456789", FieldStatus.NEEDS_REVIEW), tuple("zip", "31000", FieldStatus.VERIFIED),
				tuple("date", "07042024", FieldStatus.VERIFIED));
		assertThat(second.get(1).verification().orElseThrow().changedPositions()).containsExactly(1);
		assertThat(second.get(1).verification().orElseThrow().keystrokes()).isEqualTo(1);

		// the field on screen is in the next grid: answered there, the window moves on
		ConfusionGrid ones = session.confusionGrids().get(0);
		assertThat(ones.read()).isEqualTo(1);
		assertThat(ones.confirm().done()).isTrue();
		assertThat(session.title()).isEqualTo("DigitDesk verify - scan-0001.pdf p.1 line2");
		assertThat(session.confusionGrids()).isEmpty();
		assertThat(session.figures().done()).isEqualTo(5);
		// Ctrl+Z still takes back one field at a time
		assertThat(session.undo().done()).isTrue();
		assertThat(store.waitingCount()).isEqualTo(2);
	}
}
