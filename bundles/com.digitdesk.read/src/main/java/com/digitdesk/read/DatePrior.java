package com.digitdesk.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.template.FieldKind;

/**
 * What the recognizer says of the eight digits of a date field (MMDDYYYY),
 * given that together they are a real date between 1900 and 2099: a month
 * starts with 0 or 1, a day is at most 31 (30, 29, 28 by month), a year
 * starts with 19 or 20. Each digit's probability becomes its share among
 * all real dates weighted by how the recognizer reads every glyph, so a
 * "3" in the tens of the month, a day 65 or a year 7026 give way to the
 * likeliest real date, and a 0 the recognizer doubted beside a 5 in the
 * tens of the month is no longer in doubt.
 * <p>
 * The share the recognizer gives "not a digit" is kept as it was: the
 * date says which digit a glyph is, not whether it is one.
 */
final class DatePrior {

	/** MMDDYYYY */
	static final int DIGITS = 8;

	private static final int[][] DATES = realDates(LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31));

	private DatePrior() {
	}

	/**
	 * The predictions of a field's written glyphs as the field's kind lets
	 * them be read: conditioned on a real date for a date field, as they are
	 * for any other.
	 */
	static List<DigitPrediction> forField(FieldKind kind, List<DigitPrediction> predictions) {
		return kind == FieldKind.DATE ? conditioned(predictions) : predictions;
	}

	/**
	 * @param predictions one per digit of MMDDYYYY
	 * @return the predictions conditioned on a real date; the same when
	 *         there are not eight or no real date has any chance
	 */
	static List<DigitPrediction> conditioned(List<DigitPrediction> predictions) {
		if (predictions.size() != DIGITS) {
			return predictions;
		}
		double[][] amongDigits = new double[DIGITS][];
		for (int i = 0; i < DIGITS; i++) {
			amongDigits[i] = amongDigits(predictions.get(i));
		}
		double[][] marginal = new double[DIGITS][10];
		double total = 0;
		for (int[] date : DATES) {
			double weight = 1;
			for (int i = 0; i < DIGITS && weight > 0; i++) {
				weight *= amongDigits[i][date[i]];
			}
			if (weight > 0) {
				total += weight;
				for (int i = 0; i < DIGITS; i++) {
					marginal[i][date[i]] += weight;
				}
			}
		}
		if (!(total > 0)) {
			return predictions;
		}
		List<DigitPrediction> conditioned = new ArrayList<>(DIGITS);
		for (int i = 0; i < DIGITS; i++) {
			conditioned.add(withDigits(predictions.get(i), marginal[i], total));
		}
		return conditioned;
	}

	/** The probabilities of the ten digits given that the glyph is one. */
	private static double[] amongDigits(DigitPrediction prediction) {
		double[] digits = new double[10];
		double sum = 0;
		for (ClassProbability candidate : prediction.ranked()) {
			if (candidate.isDigit()) {
				digits[candidate.digit()] = candidate.probability();
				sum += candidate.probability();
			}
		}
		for (int d = 0; d < 10 && sum > 0; d++) {
			digits[d] /= sum;
		}
		return digits;
	}

	private static DigitPrediction withDigits(DigitPrediction prediction, double[] marginal, double total) {
		double notADigit = prediction.ranked().stream().filter(c -> !c.isDigit())
				.mapToDouble(ClassProbability::probability).sum();
		List<ClassProbability> ranked = new ArrayList<>(11);
		for (int d = 0; d < 10; d++) {
			double probability = Math.min(1, (1 - notADigit) * marginal[d] / total);
			ranked.add(new ClassProbability(d, probability));
		}
		if (prediction.ranked().stream().anyMatch(c -> !c.isDigit())) {
			ranked.add(new ClassProbability(ClassProbability.NOT_A_DIGIT, notADigit));
		}
		ranked.sort(Comparator.comparingDouble(ClassProbability::probability).reversed());
		return new DigitPrediction(ranked);
	}

	private static int[][] realDates(LocalDate first, LocalDate last) {
		List<int[]> dates = new ArrayList<>();
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			int month = date.getMonthValue();
			int day = date.getDayOfMonth();
			int year = date.getYear();
			dates.add(new int[] { month / 10, month % 10, day / 10, day % 10, year / 1000, year / 100 % 10,
					year / 10 % 10, year % 10 });
		}
		return dates.toArray(int[][]::new);
	}
}
