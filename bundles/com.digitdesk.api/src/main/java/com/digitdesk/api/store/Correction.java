package com.digitdesk.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A clerk's decision on a field: a changed value, a confirmation (old and new
 * value equal) or a rejection.
 */
public record Correction(long fieldId, String oldValue, String newValue, FieldStatus outcome, String user,
		Instant at) {

	public Correction {
		Objects.requireNonNull(oldValue, "oldValue");
		Objects.requireNonNull(newValue, "newValue");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(at, "at");
		if (outcome != FieldStatus.VERIFIED && outcome != FieldStatus.REJECTED) {
			throw new IllegalArgumentException("a correction verifies or rejects, not " + outcome);
		}
	}
}
