package com.digitdesk.tesseract;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.tesseract.TesseractEngine.Reading;

class PredictionsTest {

	@Test
	void oneDigitComesFirstWithItsConfidence() {
		DigitPrediction prediction = Predictions.of(new Reading("7", 93));
		assertThat(prediction.top()).isEqualTo(new ClassProbability(7, 0.93));
		assertThat(prediction.ranked()).hasSize(11);
		assertThat(prediction.ranked().subList(1, 11)).allSatisfy(
				other -> assertThat(other.probability()).isCloseTo(0.007, Offset.offset(1e-12)));
		assertThat(prediction.ranked().stream().mapToInt(ClassProbability::digit))
				.containsExactlyInAnyOrder(-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
	}

	@Test
	void surroundingSpaceIsIgnored() {
		assertThat(Predictions.of(new Reading(" 4\n", 80)).top().digit()).isEqualTo(4);
	}

	@Test
	void confidenceIsClampedAndTheDigitStaysFirst() {
		assertThat(Predictions.of(new Reading("3", 140)).confidence()).isEqualTo(1.0);
		DigitPrediction unsure = Predictions.of(new Reading("3", 2));
		assertThat(unsure.top().digit()).isEqualTo(3);
		assertThat(unsure.confidence()).isEqualTo(1.0 / 11);
		assertThat(unsure.ranked()).allSatisfy(c -> assertThat(c.probability()).isLessThanOrEqualTo(1.0 / 11));
	}

	@Test
	void nothingOrMoreThanOneCharacterIsNotADigit() {
		assertThat(Predictions.of(Reading.NOTHING).top().digit()).isEqualTo(ClassProbability.NOT_A_DIGIT);
		assertThat(Predictions.of(Reading.NOTHING).confidence()).isEqualTo(1.0 / 11);
		DigitPrediction two = Predictions.of(new Reading("17", 60));
		assertThat(two.top()).isEqualTo(new ClassProbability(ClassProbability.NOT_A_DIGIT, 0.6));
		assertThat(two.ranked()).hasSize(11);
		assertThat(Predictions.of(new Reading("x", 90)).top().digit()).isEqualTo(ClassProbability.NOT_A_DIGIT);
	}

	@Test
	void blankIsCertainlyNotADigit() {
		DigitPrediction blank = Predictions.blank();
		assertThat(blank.top()).isEqualTo(new ClassProbability(ClassProbability.NOT_A_DIGIT, 1.0));
		assertThat(blank.ranked().subList(1, 11)).allSatisfy(c -> assertThat(c.probability()).isZero());
	}
}
