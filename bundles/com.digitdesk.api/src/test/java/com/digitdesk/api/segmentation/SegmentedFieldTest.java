package com.digitdesk.api.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.image.PixelBox;

class SegmentedFieldTest {

	static SegmentedField field(int centsStart) {
		return new SegmentedField("f", new PixelBox(0, 0, 10, 10), List.of(), centsStart, List.of());
	}

	@Test
	void anAmountGetsItsDotBeforeTheCents() {
		assertThat(field(4).value("123456")).isEqualTo("1234.56");
		assertThat(field(1).value("5?00")).isEqualTo("5.?00");
	}

	@Test
	void cellFieldsAndEmptyFieldsAreTheirCharacters() {
		assertThat(field(-1).value("123456789")).isEqualTo("123456789");
		assertThat(field(4).value("")).isEmpty();
	}

	@Test
	void aGlyphReadAsNoDigitIsAQuestionMarkOutsideCellsAndItsLikeliestDigitInACell() {
		List<DigitPrediction> read = List.of(prediction(1, 0.99), new DigitPrediction(List.of(
				new ClassProbability(ClassProbability.NOT_A_DIGIT, 0.8), new ClassProbability(7, 0.15),
				new ClassProbability(1, 0.05))), prediction(5, 0.9));
		assertThat(field(2).read(read, false)).isEqualTo("1?.5");
		assertThat(field(-1).read(read, true)).isEqualTo("175");
	}

	static DigitPrediction prediction(int digit, double probability) {
		return new DigitPrediction(List.of(new ClassProbability(digit, probability),
				new ClassProbability(ClassProbability.NOT_A_DIGIT, 1 - probability)));
	}
}
