package com.digitdesk.api.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A clerk's decision on a field: a changed value, a confirmation (old and new
 * value equal) or a rejection.
 *
 * @param changedPositions the digit positions of the new value that differ
 *        from the old one (all of them when the length changed)
 * @param seconds how long the clerk had the field on screen
 * @param keystrokes the keys the clerk typed for it
 * @param undone when the clerk took the decision back, and who; the
 *        decision stays on record
 */
public record Correction(long fieldId, String oldValue, String newValue, FieldStatus outcome, String user,
		Instant at, List<Integer> changedPositions, double seconds, int keystrokes, Optional<Undo> undone) {

	/** A decision taken back: the field waited again from then on. */
	public record Undo(String user, Instant at) {
		public Undo {
			Objects.requireNonNull(user, "user");
			Objects.requireNonNull(at, "at");
		}
	}

	public Correction {
		Objects.requireNonNull(oldValue, "oldValue");
		Objects.requireNonNull(newValue, "newValue");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(undone, "undone");
		changedPositions = List.copyOf(changedPositions);
		if (outcome != FieldStatus.VERIFIED && outcome != FieldStatus.REJECTED) {
			throw new IllegalArgumentException("a correction verifies or rejects, not " + outcome);
		}
	}

	/** A decision whose effort was not measured. */
	public Correction(long fieldId, String oldValue, String newValue, FieldStatus outcome, String user, Instant at) {
		this(fieldId, oldValue, newValue, outcome, user, at, changed(oldValue, newValue), 0, 0, Optional.empty());
	}

	/** The positions of {@code newValue} whose character differs from {@code oldValue}'s. */
	public static List<Integer> changed(String oldValue, String newValue) {
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < newValue.length(); i++) {
			if (newValue.length() != oldValue.length() || newValue.charAt(i) != oldValue.charAt(i)) {
				positions.add(i);
			}
		}
		return positions;
	}
}
