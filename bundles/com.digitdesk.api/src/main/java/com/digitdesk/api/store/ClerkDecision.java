package com.digitdesk.api.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a clerk decided on a waiting field, with the effort it took: the
 * value confirmed or typed, or a rejection with its reason.
 *
 * @param clerk who decided
 * @param value the value confirmed; empty for a rejection
 * @param rejectReason why the field cannot be read; empty unless rejected
 * @param spent how long the field was on the clerk's screen
 * @param keystrokes the keys the clerk typed for it
 * @param labels the digits the confirmed value labels, kept as training samples
 * @param source where it was decided: {@code window}, {@code grid}, {@code csv}
 */
public record ClerkDecision(String clerk, Optional<String> value, Optional<String> rejectReason, Duration spent,
		int keystrokes, List<DigitLabel> labels, String source) {

	/** Where a decision is made unless told: the verification window. */
	public static final String WINDOW = "window";

	public ClerkDecision {
		Objects.requireNonNull(clerk, "clerk");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(rejectReason, "rejectReason");
		Objects.requireNonNull(spent, "spent");
		if (value.isPresent() == rejectReason.isPresent()) {
			throw new IllegalArgumentException("a decision confirms a value or rejects the field, one of the two");
		}
		if (keystrokes < 0 || spent.isNegative()) {
			throw new IllegalArgumentException("effort must not be negative");
		}
		Objects.requireNonNull(source, "source");
		labels = List.copyOf(labels);
		if (rejectReason.isPresent() && !labels.isEmpty()) {
			throw new IllegalArgumentException("a rejected field labels no digit");
		}
	}

	/** A decision made in the window, labelling no digit. */
	public ClerkDecision(String clerk, Optional<String> value, Optional<String> rejectReason, Duration spent,
			int keystrokes) {
		this(clerk, value, rejectReason, spent, keystrokes, List.of(), WINDOW);
	}

	/** This decision with the digits its value labels. */
	public ClerkDecision labelling(List<DigitLabel> digits) {
		return new ClerkDecision(clerk, value, rejectReason, spent, keystrokes, digits, source);
	}

	/** This decision, made elsewhere than in the window. */
	public ClerkDecision from(String where) {
		return new ClerkDecision(clerk, value, rejectReason, spent, keystrokes, labels, where);
	}

	public static ClerkDecision verified(String clerk, String value, Duration spent, int keystrokes) {
		return new ClerkDecision(clerk, Optional.of(value), Optional.empty(), spent, keystrokes);
	}

	public static ClerkDecision rejected(String clerk, String reason, Duration spent, int keystrokes) {
		return new ClerkDecision(clerk, Optional.empty(), Optional.of(reason), spent, keystrokes);
	}

	public FieldStatus outcome() {
		return value.isPresent() ? FieldStatus.VERIFIED : FieldStatus.REJECTED;
	}
}
