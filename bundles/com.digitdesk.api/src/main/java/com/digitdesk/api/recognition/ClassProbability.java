package com.digitdesk.api.recognition;

/**
 * One candidate class of a glyph.
 *
 * @param digit 0..9, or {@link #NOT_A_DIGIT}
 * @param probability calibrated probability, 0..1
 */
public record ClassProbability(int digit, double probability) {

	/** The class of blanks, smudges, letters and noise. */
	public static final int NOT_A_DIGIT = -1;

	public ClassProbability {
		if (digit < NOT_A_DIGIT || digit > 9) {
			throw new IllegalArgumentException("digit must be 0..9 or NOT_A_DIGIT, was " + digit);
		}
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("probability must be in [0,1], was " + probability);
		}
	}

	public boolean isDigit() {
		return digit != NOT_A_DIGIT;
	}
}
