package com.digitdesk.api.store;

import java.util.Locale;

/** Where a training sample stands. */
public enum SampleState {
	/** Used for training. */
	ACCEPTED,
	/** Held back: its label is in doubt until a second clerk confirms it or an admin accepts it. */
	SUSPECT,
	/** Its decision was undone: never used. */
	WITHDRAWN;

	/** As stored and printed. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static SampleState of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
