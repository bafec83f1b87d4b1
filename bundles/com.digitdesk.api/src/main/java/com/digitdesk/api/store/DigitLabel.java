package com.digitdesk.api.store;

/**
 * A verified digit of a decision: the label a clerk's value gives the glyph
 * at one position of the field, and how likely the model that read the field
 * found that label. Kept with the glyph as a training sample.
 *
 * @param position the digit's position in its field (as {@link DigitResult#position()})
 * @param label 0-9, or -1 for "not a digit"
 * @param readProbability the reading model's probability of {@code label}
 * @param suspect held back from training until a second clerk confirms it or
 *        an admin accepts it (the reading model gave the label almost no
 *        chance: a slip of a key, or a poisoned label)
 */
public record DigitLabel(int position, int label, double readProbability, boolean suspect) {

	public DigitLabel {
		if (label < -1 || label > 9) {
			throw new IllegalArgumentException("a digit's label is 0-9 or -1 (not a digit), not " + label);
		}
		if (position < 0) {
			throw new IllegalArgumentException("a digit's position must not be negative");
		}
	}
}
