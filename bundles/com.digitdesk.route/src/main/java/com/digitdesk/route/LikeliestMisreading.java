package com.digitdesk.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.digitdesk.api.reading.ReadField;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.segmentation.SegmentedField;

/**
 * Which one digit was misread, when a rule fails and no doubtful digit
 * explains it. Every digit of the rule's fields is tried as each other
 * digit; where that makes the rule hold, the network's odds of the new
 * digit against the one it read say how likely that misreading is (a
 * glyph it doubts may be any other digit: the doubt counts, whichever
 * runner-up it named). The likeliest is taken only when the network gave
 * it some chance and it is far likelier than any other: then that field
 * alone needs a clerk, with the value the rule gives it, and the other
 * fields stand.
 */
final class LikeliestMisreading {

	/** Below these odds the network saw no such digit: a misreading elsewhere is as likely. */
	static final double MIN_ODDS = 1e-3;
	/** The likeliest must be this many times likelier than the next. */
	static final double MARGIN = 10;
	/** Besides the digit read: the nine other digits and "no digit". */
	private static final int OTHER_CLASSES = 10;

	/**
	 * @param field the key of the misread field
	 * @param value what the rule makes it
	 * @param index which written glyph was misread
	 * @param read the digit read there
	 * @param digit the digit that makes the rule hold
	 * @param odds the network's probability of {@code digit} over that of {@code read}
	 */
	record Misreading<K>(K field, String value, int index, int read, int digit, double odds) {

		String describe(String name) {
			return "the likeliest misreading: " + change(name);
		}

		/** "the 9 at line9's glyph 3 is a 0 (odds 0.004), line9 = 1400.00" */
		String change(String name) {
			return String.format("the %d at %s's glyph %d is a %d (odds %.2g), %s = %s", read, name, index, digit, odds,
					name, value);
		}
	}

	private LikeliestMisreading() {
	}

	/**
	 * @param fields the rule's fields as read, by key
	 * @param holds whether the rule holds with the fields' values, by key
	 * @return the one misreading that explains the failure, if there is one
	 */
	static <K> Optional<Misreading<K>> of(Map<K, ReadField> fields, Predicate<Map<K, String>> holds) {
		List<Misreading<K>> candidates = candidates(fields, holds);
		if (candidates.isEmpty() || candidates.get(0).odds() < MIN_ODDS
				|| candidates.size() > 1 && candidates.get(0).odds() < MARGIN * candidates.get(1).odds()) {
			return Optional.empty();
		}
		return Optional.of(candidates.get(0));
	}

	/**
	 * Every one-digit misreading that makes the rule hold, likeliest first.
	 *
	 * @param fields the rule's fields as read, by key
	 * @param holds whether the rule holds with the fields' values, by key
	 */
	static <K> List<Misreading<K>> candidates(Map<K, ReadField> fields, Predicate<Map<K, String>> holds) {
		Map<K, String> values = new LinkedHashMap<>();
		fields.forEach((key, field) -> values.put(key, field.value()));
		List<Misreading<K>> candidates = new ArrayList<>();
		for (Map.Entry<K, ReadField> entry : fields.entrySet()) {
			ReadField field = entry.getValue();
			List<DigitPrediction> predictions = field.predictions();
			char[] digits = SegmentedField.written(predictions, field.spec().isCellField()).toCharArray();
			for (int i = 0; i < digits.length; i++) {
				if (!predictions.get(i).isDigit()) {
					continue;
				}
				char read = digits[i];
				for (char digit = '0'; digit <= '9'; digit++) {
					if (digit == read) {
						continue;
					}
					digits[i] = digit;
					String value = field.segmented().value(new String(digits));
					values.put(entry.getKey(), value);
					if (holds.test(values)) {
						double odds = odds(predictions.get(i), read - '0', digit - '0');
						candidates.add(new Misreading<>(entry.getKey(), value, i, read - '0', digit - '0', odds));
					}
				}
				digits[i] = read;
				values.put(entry.getKey(), field.value());
			}
		}
		candidates.sort((a, b) -> Double.compare(b.odds(), a.odds()));
		return candidates;
	}

	/**
	 * The odds of {@code digit} against the digit read. The network's doubt
	 * about a glyph is calibrated, how it shares that doubt among the other
	 * classes much less so (it can be sure of the wrong runner-up): each
	 * other class is given at least an even share of the doubt.
	 */
	static double odds(DigitPrediction prediction, int read, int digit) {
		double readProbability = FieldRouter.probability(prediction, read);
		double evenShare = (1 - readProbability) / OTHER_CLASSES;
		return Math.max(FieldRouter.probability(prediction, digit), evenShare) / Math.max(1e-12, readProbability);
	}
}
