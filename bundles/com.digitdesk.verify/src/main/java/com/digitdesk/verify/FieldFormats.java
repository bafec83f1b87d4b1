package com.digitdesk.verify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;

/** Whether a value fits its field: what a clerk may confirm. An empty value always does (an empty field). */
final class FieldFormats {

	private FieldFormats() {
	}

	/** Why {@code value} cannot be confirmed on the field, or empty when it can. */
	static Optional<String> refusal(FieldKind kind, Optional<FieldSpec> spec, String value) {
		if (value.isEmpty()) {
			return Optional.empty();
		}
		int unreadable = value.indexOf('?');
		if (unreadable >= 0) {
			return Optional.of("character " + (unreadable + 1) + " is unreadable: type the value");
		}
		switch (kind) {
		case AMOUNT:
			return value.matches("\\d+\\.\\d\\d") ? Optional.empty()
					: Optional.of("an amount is dollars and two cents, not " + value);
		case SSN:
			return value.matches("\\d{9}") ? Optional.empty()
					: Optional.of("an SSN has 9 digits, not " + value.length());
		case DATE:
			return date(value);
		case DIGITS:
			if (!value.matches("\\d+")) {
				return Optional.of("only digits, not " + value);
			}
			return spec.isPresent() && value.length() > spec.get().cells()
					? Optional.of("the field has " + spec.get().cells() + " cells, not " + value.length())
					: Optional.empty();
		case NUMBER:
		default:
			if (!value.matches("\\d+")) {
				return Optional.of("only digits, not " + value);
			}
			int most = spec.map(FieldSpec::maxDigits).orElse(0);
			return most > 0 && value.length() > most
					? Optional.of("at most " + most + " digits, not " + value.length())
					: Optional.empty();
		}
	}

	/** A date as the store keeps it: MMDDYYYY. */
	private static Optional<String> date(String value) {
		if (!value.matches("\\d{8}")) {
			return Optional.of("a date is MMDDYYYY, 8 digits, not " + value.length());
		}
		try {
			LocalDate.of(Integer.parseInt(value.substring(4)), Integer.parseInt(value.substring(0, 2)),
					Integer.parseInt(value.substring(2, 4)));
			return Optional.empty();
		} catch (DateTimeException e) {
			return Optional.of(value.substring(0, 2) + "/" + value.substring(2, 4) + "/" + value.substring(4)
					+ " is no date");
		}
	}
}
