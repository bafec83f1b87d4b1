package com.digitdesk.corpus;

import java.util.Locale;

/** How a simulated scan is stored in its PDF. */
enum Compression {
	/** Binarized, CCITT Group 4 (fax) */
	G4,
	/** Grayscale JPEG */
	JPEG,
	/** Flate (zip); binarized or grayscale */
	FLATE;

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
