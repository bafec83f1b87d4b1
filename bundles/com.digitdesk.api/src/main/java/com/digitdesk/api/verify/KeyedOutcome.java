package com.digitdesk.api.verify;

import java.util.Objects;

/**
 * What became of a keyed value: applied as a clerk's decision, or why not.
 *
 * @param row the value
 * @param applied whether the field was decided with it
 * @param message what was done, or why nothing was ("matches no waiting field")
 */
public record KeyedOutcome(KeyedValue row, boolean applied, String message) {

	public KeyedOutcome {
		Objects.requireNonNull(row, "row");
		Objects.requireNonNull(message, "message");
	}
}
