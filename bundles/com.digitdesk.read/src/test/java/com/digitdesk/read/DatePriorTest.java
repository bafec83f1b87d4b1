package com.digitdesk.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;

class DatePriorTest {

	@Test
	void aSureRealDateStaysAsRead() {
		List<DigitPrediction> read = read("03152025", 0.999);
		assertThat(value(DatePrior.conditioned(read))).isEqualTo("03152025");
		assertThat(DatePrior.conditioned(read).get(0).confidence()).isGreaterThan(0.999);
	}

	@Test
	void aDayThatCannotBeGivesWayToTheNextChoice() {
		List<DigitPrediction> read = new ArrayList<>(read("09152024", 0.999));
		// the tens of the day read 6 (0.48) over 1 (0.30): day 65 is no day
		read.set(2, prediction(6, 0.48, 1, 0.30, 0.22));
		assertThat(value(read)).isEqualTo("09652024");
		List<DigitPrediction> conditioned = DatePrior.conditioned(read);
		assertThat(value(conditioned)).isEqualTo("09152024");
		// 0, 1, 2 and 3 remain: 1 takes most of what 6 had
		assertThat(conditioned.get(2).confidence()).isGreaterThan(0.8);
	}

	@Test
	void aYearOutsideTheCalendarGivesWay() {
		List<DigitPrediction> read = new ArrayList<>(read("09202026", 0.999));
		read.set(4, prediction(7, 0.6, 2, 0.3, 0.1));
		assertThat(value(DatePrior.conditioned(read))).isEqualTo("09202026");
	}

	@Test
	void theMonthsTensDigitIsSureOnceFiveIsNoChoice() {
		List<DigitPrediction> read = new ArrayList<>(read("09202026", 0.999));
		// 0 (0.973) or 5 (0.015): a month starts with 0 or 1
		read.set(0, prediction(0, 0.973, 5, 0.015, 0.012));
		DigitPrediction month = DatePrior.conditioned(read).get(0);
		assertThat(month.top().digit()).isEqualTo(0);
		assertThat(month.confidence()).isGreaterThan(0.99);
	}

	@Test
	void theShareOfNoDigitIsKept() {
		List<DigitPrediction> read = new ArrayList<>(read("04012026", 0.999));
		read.set(6, new DigitPrediction(List.of(new ClassProbability(ClassProbability.NOT_A_DIGIT, 0.7),
				new ClassProbability(2, 0.2), new ClassProbability(6, 0.1))));
		DigitPrediction glyph = DatePrior.conditioned(read).get(6);
		assertThat(glyph.isDigit()).isFalse();
		assertThat(glyph.confidence()).isCloseTo(0.7, within(1e-9));
		assertThat(glyph.ranked().get(1).digit()).isEqualTo(2);
	}

	@Test
	void leavesOtherCountsAlone() {
		List<DigitPrediction> seven = read("0315202", 0.9);
		assertThat(DatePrior.conditioned(seven)).isSameAs(seven);
	}

	/** Every digit read as written with probability {@code sure}, the rest spread over the others. */
	private static List<DigitPrediction> read(String digits, double sure) {
		List<DigitPrediction> read = new ArrayList<>();
		for (char c : digits.toCharArray()) {
			List<ClassProbability> ranked = new ArrayList<>();
			ranked.add(new ClassProbability(c - '0', sure));
			for (int d = 0; d < 10; d++) {
				if (d != c - '0') {
					ranked.add(new ClassProbability(d, (1 - sure) / 10));
				}
			}
			ranked.add(new ClassProbability(ClassProbability.NOT_A_DIGIT, (1 - sure) / 10));
			read.add(new DigitPrediction(ranked));
		}
		return read;
	}

	private static DigitPrediction prediction(int first, double p1, int second, double p2, double spread) {
		List<ClassProbability> ranked = new ArrayList<>();
		ranked.add(new ClassProbability(first, p1));
		ranked.add(new ClassProbability(second, p2));
		for (int d = 0; d < 10; d++) {
			if (d != first && d != second) {
				ranked.add(new ClassProbability(d, spread / 9));
			}
		}
		return new DigitPrediction(ranked);
	}

	private static String value(List<DigitPrediction> predictions) {
		StringBuilder value = new StringBuilder();
		predictions.forEach(p -> value.append(p.isDigit() ? (char) ('0' + p.top().digit()) : '?'));
		return value.toString();
	}
}
