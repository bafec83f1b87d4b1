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

import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.verify.FieldOnScreen;
import com.digitdesk.api.verify.SessionFigures;
import com.digitdesk.api.verify.VerificationSession;
import com.digitdesk.store.JdbcResultStore;

/** A clerk's session over a real (embedded H2) store, driven by the keys a window forwards. */
class ClerkSessionTest {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@TempDir
	Path dir;

	JdbcResultStore store;

	@BeforeEach
	void fill() throws Exception {
		store = Forms.h2(dir);
		Forms.document(store, "scan-0001.pdf", Forms.waiting("ssn", "123456789"), Forms.field("zip", "12345", -1,
				Optional.empty()), Forms.field("line1", "1234.56", 2, Optional.of("1284.56")),
				Forms.waiting("date", "12312024"));
		Forms.document(store, "scan-0002.pdf", Forms.waiting("ssn", "98765432?"), Forms.waiting("line2", "17.00"));
	}

	@AfterEach
	void close() {
		store.close();
	}

	private VerificationSession open(String clerk) throws Exception {
		return Desk.open(store, clerk, LEASE, Forms.specs());
	}

	private static FieldOnScreen current(VerificationSession session) {
		return session.current().orElseThrow();
	}

	private static void typeAll(VerificationSession session, String keys) {
		for (char key : keys.toCharArray()) {
			session.type(key);
		}
	}

	@Test
	void opensOnTheFirstWaitingFieldAndEnterConfirmsWhatIsShownThenTheNext() throws Exception {
		VerificationSession session = open("alice");
		assertThat(session.title()).isEqualTo("DigitDesk verify - scan-0001.pdf p.1 ssn");
		assertThat(current(session).shown()).isEqualTo("123456789");
		assertThat(current(session).reasons()).containsExactly("digit 1 is 0.62 sure: 1 or 7");

		assertThat(session.confirm().done()).isTrue();
		assertThat(session.title()).isEqualTo("DigitDesk verify - scan-0001.pdf p.1 line1");
		// the rule's proposal is offered
		assertThat(current(session).shown()).isEqualTo("1284.56");
		typeAll(session, "123456");
		assertThat(current(session).shown()).isEqualTo("1234.56");
		assertThat(current(session).typed()).isTrue();
		assertThat(session.confirm().done()).isTrue();

		List<StoredField> fields = store.pageFields(current(session).field().id());
		assertThat(fields).extracting(StoredField::name, StoredField::value, StoredField::status).containsExactly(
				tuple("ssn", "123456789", FieldStatus.VERIFIED),
				tuple("zip", "12345", FieldStatus.AUTO_ACCEPTED),
				tuple("line1", "1234.56", FieldStatus.VERIFIED),
				tuple("date", "12312024", FieldStatus.NEEDS_REVIEW));
		Correction line1 = fields.get(2).verification().orElseThrow();
		assertThat(line1.user()).isEqualTo("alice");
		assertThat(line1.keystrokes()).isEqualTo(7);
		assertThat(line1.oldValue()).isEqualTo("1234.56");
		SessionFigures figures = session.figures();
		assertThat(figures.done()).isEqualTo(2);
		assertThat(figures.keystrokes()).isEqualTo(8);
		assertThat(figures.fullKeying()).isEqualTo(9 + 1 + 6 + 1);
		assertThat(figures.waiting()).isEqualTo(3);
	}

	@Test
	void aValueTheFieldsFormatRefusesIsNotConfirmed() throws Exception {
		VerificationSession session = open("alice");
		typeAll(session, "12345678");
		assertThat(session.confirm().done()).isFalse();
		assertThat(current(session).message()).isEqualTo("an SSN has 9 digits, not 8: not confirmed");
		assertThat(current(session).field().name()).isEqualTo("ssn");
		session.type('9');
		assertThat(session.confirm().done()).isTrue();

		session.nextDocument();
		assertThat(session.title()).isEqualTo("DigitDesk verify - scan-0002.pdf p.1 ssn");
		assertThat(session.confirm().message()).isEqualTo("character 9 is unreadable: type the value: not confirmed");
		session.previousDocument();
		assertThat(session.title()).isEqualTo("DigitDesk verify - scan-0001.pdf p.1 line1");
		session.confirm();
		typeAll(session, "02302024");
		assertThat(session.confirm().message()).isEqualTo("02/30/2024 is no date: not confirmed");
		session.type('x');
		assertThat(current(session).message()).isEqualTo("'x' is no digit");
	}

	@Test
	void deleteThenEnterConfirmsAFieldEmptyAndACellEditChangesOneDigit() throws Exception {
		VerificationSession session = open("alice");
		session.moveCell(+1);
		session.moveCell(+1);
		assertThat(current(session).cursor()).isEqualTo(1);
		session.type('0');
		assertThat(current(session).shown()).isEqualTo("103456789");
		session.confirm();
		session.clear();
		assertThat(current(session).shown()).isEmpty();
		session.confirm();
		assertThat(store.pageFields(current(session).field().id())).extracting(StoredField::value)
				.containsExactly("103456789", "12345", "", "12312024");
		// Backspace edits the offered value; a typed point keeps the cents as written
		session.backspace();
		assertThat(current(session).shown()).isEqualTo("1231202");
		session.clear();
		session.nextDocument();
		session.type('9');
		session.type('.');
		assertThat(current(session).message()).isEqualTo("only an amount has a point");
		session.type('5');
		assertThat(current(session).shown()).isEqualTo("95");
		assertThat(session.confirm().done()).isFalse();
		session.clear();
		assertThat(session.confirm().done()).isTrue();
		typeAll(session, "17.5");
		assertThat(current(session).shown()).isEqualTo("17.50");
	}

	@Test
	void undoPutsTheLastDecisionBackInTheQueueAndTheAuditKeepsBothActs() throws Exception {
		VerificationSession session = open("alice");
		typeAll(session, "123456780");
		session.confirm();
		assertThat(session.undo().done()).isTrue();
		assertThat(session.title()).isEqualTo("DigitDesk verify - scan-0001.pdf p.1 ssn");
		assertThat(current(session).shown()).isEqualTo("123456789");
		long id = current(session).field().id();
		assertThat(store.field(id).orElseThrow().status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(store.corrections(id)).singleElement().satisfies(c -> {
			assertThat(c.newValue()).isEqualTo("123456780");
			assertThat(c.undone()).isPresent();
		});
		assertThat(session.figures().done()).isZero();
		assertThat(session.undo().done()).isFalse();

		assertThat(session.reject("torn").done()).isTrue();
		assertThat(store.field(id).orElseThrow().status()).isEqualTo(FieldStatus.REJECTED);
	}

	@Test
	void aClerkWhoseWindowDiedGetsTheFieldBackAndNoOtherClerkSeesItMeanwhile() throws Exception {
		VerificationSession dead = open("alice");
		dead.confirm();
		long shown = current(dead).field().id();
		// alice's window is killed: no close, her claim stays until its lease runs out
		VerificationSession bob = open("bob");
		assertThat(current(bob).field().id()).isNotEqualTo(shown);
		assertThat(bob.title()).isEqualTo("DigitDesk verify - scan-0001.pdf p.1 date");
		VerificationSession again = open("alice");
		assertThat(current(again).field().id()).isEqualTo(shown);

		// and the queue runs dry for both
		while (again.current().isPresent()) {
			if (!again.confirm().done()) {
				again.clear();
				again.confirm();
			}
		}
		assertThat(again.title()).isEqualTo("DigitDesk verify - nothing waiting");
		assertThat(bob.confirm().done()).isTrue();
		assertThat(bob.title()).isEqualTo("DigitDesk verify - nothing waiting");
		assertThat(store.waitingCount()).isZero();
	}
}
