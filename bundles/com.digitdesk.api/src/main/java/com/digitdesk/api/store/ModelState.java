package com.digitdesk.api.store;

import java.util.Locale;

/** Where a recognizer model version of a store stands. */
public enum ModelState {
	/** The one the store's workstations read with. */
	CURRENT,
	/** Made, not (or not yet) promoted. */
	CANDIDATE,
	/** Was current once, or was rolled back. */
	RETIRED;

	/** As stored and printed. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ModelState of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
