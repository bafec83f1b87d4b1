package com.digitdesk.store;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;

/**
 * A prediction's ranked classes in one short text column, "3:0.9912,8:0.0051".
 * Double.toString keeps every probability exact, so a stored prediction reads
 * back equal.
 */
final class Rankings {

	private Rankings() {
	}

	static String encode(DigitPrediction prediction) {
		StringBuilder text = new StringBuilder(prediction.ranked().size() * 12);
		for (ClassProbability candidate : prediction.ranked()) {
			if (text.length() > 0) {
				text.append(',');
			}
			text.append(candidate.digit()).append(':').append(candidate.probability());
		}
		return text.toString();
	}

	static DigitPrediction decode(String text) {
		List<ClassProbability> ranked = new ArrayList<>();
		for (String candidate : text.split(",")) {
			int colon = candidate.indexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException("not a ranked class: " + candidate);
			}
			ranked.add(new ClassProbability(Integer.parseInt(candidate.substring(0, colon)),
					Double.parseDouble(candidate.substring(colon + 1))));
		}
		return new DigitPrediction(ranked);
	}
}
