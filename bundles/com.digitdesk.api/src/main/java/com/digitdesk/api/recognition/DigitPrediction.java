package com.digitdesk.api.recognition;

import java.util.List;

/**
 * What the recognizer says of one glyph: every class it considers, most
 * probable first. The probabilities are calibrated: among all predictions
 * with top probability 0.99, about 99% are right. That is what lets the
 * pipeline auto-accept confident fields.
 *
 * @param ranked candidates, most probable first, at least one
 */
public record DigitPrediction(List<ClassProbability> ranked) {

	public DigitPrediction {
		ranked = List.copyOf(ranked);
		if (ranked.isEmpty()) {
			throw new IllegalArgumentException("a prediction needs at least one class");
		}
		for (int i = 1; i < ranked.size(); i++) {
			if (ranked.get(i).probability() > ranked.get(i - 1).probability()) {
				throw new IllegalArgumentException("classes must be ranked by falling probability");
			}
		}
	}

	public ClassProbability top() {
		return ranked.get(0);
	}

	/** The top class's probability. */
	public double confidence() {
		return top().probability();
	}

	/** True when the most probable class is a digit (not a blank or smudge). */
	public boolean isDigit() {
		return top().isDigit();
	}
}
