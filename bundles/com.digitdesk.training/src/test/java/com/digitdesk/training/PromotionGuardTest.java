package com.digitdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromotionGuardTest {

	private static String figures(double mnistCandidate, double mnistCurrent, double heldCandidate,
			double heldCurrent) {
		return String.format(java.util.Locale.ROOT, "{\"mnist_test_error\":{\"candidate\":%s,\"current\":%s},"
				+ "\"held_out_error\":{\"candidate\":%s,\"current\":%s,\"digits\":200}}", mnistCandidate,
				mnistCurrent, heldCandidate, heldCurrent);
	}

	@Test
	void aCandidateBetterOnTheNewHandAndAsGoodOnMnistIsPromoted() {
		assertThat(PromotionGuard.refusal(figures(0.0036, 0.0035, 0.04, 0.09))).isEmpty();
		// up by less than 0.05 points: as good
		assertThat(PromotionGuard.refusal(figures(0.0039, 0.0035, 0.04, 0.09))).isEmpty();
	}

	@Test
	void aCandidateWorseOnMnistOrNotBetterOnTheHeldOutDigitsIsRefusedWithTheReason() {
		assertThat(PromotionGuard.refusal(figures(0.0041, 0.0035, 0.01, 0.09))).hasValueSatisfying(
				reason -> assertThat(reason).contains("MNIST test error 0.41%").contains("0.35%"));
		assertThat(PromotionGuard.refusal(figures(0.0030, 0.0035, 0.09, 0.09))).hasValueSatisfying(
				reason -> assertThat(reason).contains("200 held-out verified digits, 9.00%"));
	}

	@Test
	void aCandidateWithoutAShadowEvaluationIsNeverPromoted() {
		assertThat(PromotionGuard.refusal("{}")).hasValueSatisfying(
				reason -> assertThat(reason).contains("no shadow evaluation"));
		assertThat(PromotionGuard.refusal("not json")).hasValueSatisfying(
				reason -> assertThat(reason).contains("not readable"));
	}
}
