package com.digitdesk.tesseract;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;

/**
 * Tesseract's reading of a glyph as a ranked prediction. Tesseract names one
 * character and its confidence, not a distribution over the classes: the
 * class it read comes first with probability confidence/100, and what is
 * left is spread evenly over the other ten classes. These probabilities are
 * not calibrated; they only rank.
 */
final class Predictions {

	private static final int CLASSES = 11;
	/** The least the first class may get and still come first. */
	private static final double EVEN = 1.0 / CLASSES;

	private Predictions() {
	}

	/**
	 * One digit read: that digit first. Nothing, several characters or
	 * anything but a digit: {@link ClassProbability#NOT_A_DIGIT} first, with
	 * Tesseract's confidence in what it did read.
	 */
	static DigitPrediction of(TesseractEngine.Reading reading) {
		String text = reading.text().strip();
		boolean oneDigit = text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '9';
		return ranked(oneDigit ? text.charAt(0) - '0' : ClassProbability.NOT_A_DIGIT, reading.confidence());
	}

	/** A glyph without any ink: certainly not a digit, and no need to ask Tesseract. */
	static DigitPrediction blank() {
		return ranked(ClassProbability.NOT_A_DIGIT, 100);
	}

	/** {@code first} with {@code confidence}/100 (at least an even share), the rest evenly. */
	static DigitPrediction ranked(int first, double confidence) {
		double top = Math.max(EVEN, Math.min(1, confidence / 100));
		// min(): rounding must not put the rest above the first.
		double rest = Math.min(top, (1 - top) / (CLASSES - 1));
		List<ClassProbability> ranked = new ArrayList<>(CLASSES);
		ranked.add(new ClassProbability(first, top));
		for (int digit = 0; digit <= 9; digit++) {
			if (digit != first) {
				ranked.add(new ClassProbability(digit, rest));
			}
		}
		if (first != ClassProbability.NOT_A_DIGIT) {
			ranked.add(new ClassProbability(ClassProbability.NOT_A_DIGIT, rest));
		}
		return new DigitPrediction(ranked);
	}
}
