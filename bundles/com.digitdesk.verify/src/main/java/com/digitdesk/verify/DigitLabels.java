package com.digitdesk.verify;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.store.DigitLabel;
import com.digitdesk.api.store.DigitResult;

/**
 * The labels a verified value gives its field's glyphs: the value's digits
 * in order over the glyphs that were read (empty cells hold none). When the
 * two counts differ (a digit the segmenter split or merged, a divider read
 * as a digit) no glyph can be labelled for sure, and none is.
 */
final class DigitLabels {

	private DigitLabels() {
	}

	/**
	 * @param suspectBelow a label the reading model gave a probability below
	 *        this is suspect: held from training until confirmed
	 */
	static List<DigitLabel> of(List<DigitResult> digits, String value, double suspectBelow) {
		List<DigitResult> read = digits.stream().filter(d -> d.prediction().isPresent()).toList();
		String valueDigits = value.chars().filter(Character::isDigit)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
		if (read.size() != valueDigits.length()) {
			return List.of();
		}
		List<DigitLabel> labels = new ArrayList<>();
		for (int i = 0; i < read.size(); i++) {
			int label = valueDigits.charAt(i) - '0';
			double probability = read.get(i).prediction().get().ranked().stream().filter(c -> c.digit() == label)
					.mapToDouble(ClassProbability::probability).findFirst().orElse(0);
			labels.add(new DigitLabel(read.get(i).position(), label, probability, probability < suspectBelow));
		}
		return labels;
	}
}
