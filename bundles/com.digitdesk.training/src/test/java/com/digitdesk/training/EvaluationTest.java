package com.digitdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class EvaluationTest {

	// Ten samples; the two least confident are wrong, and one wrong sample is confident.
	private final Evaluation.Scored scored = new Evaluation.Scored(
			new double[] { 0.30, 0.40, 0.90, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.999 },
			new boolean[] { false, false, true, true, true, true, true, true, true, false });

	@Test
	void errorFallsAsTheDoubtfulAreRejected() {
		assertThat(scored.error()).isCloseTo(0.3, offset(1e-9));
		assertThat(Evaluation.atRejectRate(scored, 0.2).error()).isCloseTo(1 / 8.0, offset(1e-9));
	}

	@Test
	void targetErrorNeedsRejectingUpToTheConfidentMistake() {
		Evaluation.RejectPoint point = Evaluation.forTargetError(scored, 0.15);
		assertThat(point.rejectRate()).isCloseTo(0.2, offset(1e-9));
		assertThat(point.threshold()).isEqualTo(0.90);
		// Zero error is only reached by rejecting everything up to and including the 0.999 mistake.
		assertThat(Evaluation.forTargetError(scored, 0).rejectRate()).isEqualTo(1.0);
	}

	@Test
	void amongDigitsSetsTheNotADigitShareAside() {
		double[] probabilities = new double[3 * DigitNet.CLASSES];
		// a thin 1: 0.90 for "1", 0.09 for "not a digit", 0.01 for "7"
		probabilities[1] = 0.90;
		probabilities[DigitNet.NOT_A_DIGIT] = 0.09;
		probabilities[7] = 0.01;
		// a blot: "not a digit" first
		probabilities[DigitNet.CLASSES + DigitNet.NOT_A_DIGIT] = 0.6;
		probabilities[DigitNet.CLASSES + 3] = 0.4;
		// a clear 5
		probabilities[2 * DigitNet.CLASSES + 5] = 1.0;
		byte[] labels = { 1, 3, 5 };

		Evaluation.Scored plain = Evaluation.score(probabilities, labels);
		Evaluation.Scored amongDigits = Evaluation.scoreAmongDigits(probabilities, labels);

		assertThat(plain.confidence()).containsExactly(new double[] { 0.90, 0.6, 1.0 }, offset(1e-9));
		assertThat(amongDigits.confidence()).containsExactly(new double[] { 0.90 / 0.91, 0, 1.0 }, offset(1e-9));
		assertThat(amongDigits.correct()).containsExactly(true, false, true);
	}
}
