package com.digitdesk.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.ReviewReason;

/** Why a field waits, in a clerk's words: "digit 3 is 0.62 sure: 1 or 7". */
final class ReasonWords {

	private ReasonWords() {
	}

	static List<String> of(List<ReviewReason> reasons, List<DigitResult> digits) {
		List<String> words = new ArrayList<>();
		for (ReviewReason reason : reasons) {
			words.add(of(reason, digits));
		}
		return words;
	}

	private static String of(ReviewReason reason, List<DigitResult> digits) {
		if (reason.kind() == ReviewReason.Kind.LOW_CONFIDENCE_DIGIT && reason.position() >= 0
				&& reason.position() < digits.size() && digits.get(reason.position()).prediction().isPresent()) {
			DigitPrediction prediction = digits.get(reason.position()).prediction().get();
			StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "digit %d is %.2f sure: %s",
					reason.position() + 1, prediction.confidence(), name(prediction.top())));
			if (prediction.ranked().size() > 1) {
				text.append(" or ").append(name(prediction.ranked().get(1)));
			}
			return text.toString();
		}
		String where = reason.position() >= 0 ? "digit " + (reason.position() + 1) + ": " : "";
		return where + reason.detail();
	}

	static String name(ClassProbability choice) {
		return choice.isDigit() ? Integer.toString(choice.digit()) : "no digit";
	}
}
