package com.digitdesk.route;

import java.util.Optional;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.store.ReviewReason.Kind;

/**
 * The one definition of a doubtful digit, used wherever a reading is held
 * against a threshold: routing a field, proposing values for a rule, the
 * rules between the pages of a return.
 *
 * <p>A glyph is in doubt when the network's first choice is "not a digit";
 * or when its top digit, among the digits, is below the threshold; or when
 * the network gives "not a digit" more than {@value #MAX_NOT_A_DIGIT}
 * besides. The share of "not a digit" alone is no doubt about which digit it
 * is (thin 1s lose several percent to it); a large share is: two touching
 * digits read as one come out that way.
 */
final class DigitDoubt {

	/** A glyph the network gives more than this chance of being no digit at all is queued as such. */
	static final double MAX_NOT_A_DIGIT = 0.3;

	private DigitDoubt() {
	}

	/** Why the glyph is in doubt at {@code threshold}; empty when it is not. */
	static Optional<Kind> of(DigitPrediction prediction, double threshold) {
		if (!prediction.isDigit()) {
			return Optional.of(Kind.NOT_A_DIGIT);
		}
		double notADigit = notADigit(prediction);
		if (amongDigits(prediction.confidence(), notADigit) < threshold) {
			return Optional.of(Kind.LOW_CONFIDENCE_DIGIT);
		}
		if (notADigit > MAX_NOT_A_DIGIT) {
			return Optional.of(Kind.NOT_A_DIGIT);
		}
		return Optional.empty();
	}

	static boolean isDoubtful(DigitPrediction prediction, double threshold) {
		return of(prediction, threshold).isPresent();
	}

	/** The top digit's probability given that the glyph is a digit. */
	private static double amongDigits(double confidence, double notADigit) {
		return notADigit >= 1 ? 0 : confidence / (1 - notADigit);
	}

	/** The probability that the glyph is no digit at all. */
	static double notADigit(DigitPrediction prediction) {
		return prediction.ranked().stream().filter(c -> !c.isDigit()).mapToDouble(ClassProbability::probability)
				.sum();
	}
}
