package com.digitdesk.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.store.JdbcResultStore;

/** Stores with read forms in them, as the importer leaves them. */
final class Forms {

	static final String POSTGRES_VARIABLE = "DIGITDESK_TEST_POSTGRES_URL";

	/** The test form's fields: an SSN, two amounts, a date, a 5-cell ZIP. */
	static final Map<String, FieldSpec> SPECS = Map.of(
			"ssn", new FieldSpec("ssn", "SSN", FieldKind.SSN, new TemplateBox(40, 60, 200, 20), 0),
			"line1", new FieldSpec("line1", "Wages", FieldKind.AMOUNT, new TemplateBox(400, 100, 150, 20), 0),
			"line2", new FieldSpec("line2", "Interest", FieldKind.AMOUNT, new TemplateBox(400, 130, 150, 20), 0),
			"date", new FieldSpec("date", "Date", FieldKind.DATE, new TemplateBox(40, 700, 120, 20), 8),
			"zip", new FieldSpec("zip", "ZIP", FieldKind.DIGITS, new TemplateBox(300, 60, 100, 20), 5));

	private Forms() {
	}

	static FieldSpecs specs() {
		return (template, field) -> Optional.ofNullable(SPECS.get(field));
	}

	static JdbcResultStore h2(Path dir) throws Exception {
		return JdbcResultStore.open("jdbc:h2:file:" + dir.resolve("results"), new OsgiDataSourceFactory(new Driver()),
				4);
	}

	/** The PostgreSQL store of the tests, emptied; empty when no database is set. */
	static Optional<JdbcResultStore> postgres() throws Exception {
		String url = System.getenv(POSTGRES_VARIABLE);
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		Flyway.configure().dataSource(url, null, null).cleanDisabled(false).load().clean();
		return Optional.of(JdbcResultStore.open(url, new PGDataSourceFactory(), 4));
	}

	/** A complete one-page document whose fields are {@code fields}. */
	static StoredDocument document(JdbcResultStore store, String file, FieldResult... fields) throws Exception {
		StoredDocument document = store.openDocument(new com.digitdesk.api.store.DocumentSource(file,
				Integer.toHexString(file.hashCode()) + "0".repeat(56), 1));
		store.storePage(document.id(), new PageResult(0, "test-form", 0.3, List.of(fields)));
		store.completeDocument(document.id());
		return document;
	}

	/** A field read as {@code value}, waiting when {@code doubtful} says which digit is in doubt (else -1). */
	static FieldResult field(String name, String value, int doubtful, Optional<String> proposal) {
		List<DigitResult> digits = new ArrayList<>();
		String written = value.replace(".", "");
		for (int i = 0; i < written.length(); i++) {
			char c = written.charAt(i);
			int digit = c == '?' ? ClassProbability.NOT_A_DIGIT : c - '0';
			double p = i == doubtful ? 0.62 : 0.999;
			int second = digit == 1 ? 7 : 1;
			digits.add(new DigitResult(i, new PixelBox(100 + 30 * i, 200, 28, 36), glyph(name + value, i),
					Optional.of(new DigitPrediction(List.of(new ClassProbability(digit, p),
							new ClassProbability(second, (1 - p) * 0.9), new ClassProbability(
									ClassProbability.NOT_A_DIGIT == digit ? 0 : ClassProbability.NOT_A_DIGIT,
									(1 - p) * 0.1))))));
		}
		boolean waits = doubtful >= 0;
		List<ReviewReason> reasons = waits ? List.of(new ReviewReason(ReviewReason.Kind.LOW_CONFIDENCE_DIGIT,
				doubtful, "p=0.62")) : List.of();
		return new FieldResult(name, value, waits ? FieldStatus.NEEDS_REVIEW : FieldStatus.AUTO_ACCEPTED,
				waits ? 0.62 : 0.99, digits, reasons, proposal);
	}

	/** A glyph of its own for each field and position: the same field read twice has the same glyphs. */
	static DigitImage glyph(String field, int position) {
		byte[] pixels = new byte[DigitImage.SIDE * DigitImage.SIDE];
		int seed = Math.floorMod((field + "#" + position).hashCode(), pixels.length);
		for (int i = 0; i < 40; i++) {
			pixels[(seed + 37 * i) % pixels.length] = (byte) 255;
		}
		return new DigitImage(pixels);
	}

	static FieldResult waiting(String name, String value) {
		return field(name, value, 0, Optional.empty());
	}
}
