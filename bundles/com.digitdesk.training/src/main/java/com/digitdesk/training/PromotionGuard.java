package com.digitdesk.training;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether a candidate model deserves to become current, from its shadow
 * evaluation against the current model: at least as good on the MNIST test
 * digits (its error up by at most {@link #MNIST_SLACK}) and better on the
 * held-out verified digits that neither model trained on. A candidate with
 * no such evaluation is never promoted.
 *
 * <p>The figures are JSON as {@code retrain} writes them:
 * {@code {"mnist_test_error": {"candidate": c, "current": p},
 * "held_out_error": {"candidate": c, "current": p, "digits": n}}}.
 */
final class PromotionGuard {

	/** How much the MNIST test error may rise: 0.05 points. */
	static final double MNIST_SLACK = 0.0005;

	private static final ObjectMapper JSON = new ObjectMapper();

	private PromotionGuard() {
	}

	/** Why the candidate must not be promoted; empty when it may. */
	static Optional<String> refusal(String figures) {
		JsonNode root;
		try {
			root = JSON.readTree(figures);
		} catch (Exception e) {
			return Optional.of("its shadow evaluation is not readable: " + e.getMessage());
		}
		JsonNode mnist = root.path("mnist_test_error");
		JsonNode heldOut = root.path("held_out_error");
		if (!pair(mnist) || !pair(heldOut)) {
			return Optional.of("it has no shadow evaluation against the current model (a candidate made by "
					+ "'retrain' has one)");
		}
		double mnistCandidate = mnist.get("candidate").asDouble();
		double mnistCurrent = mnist.get("current").asDouble();
		if (mnistCandidate > mnistCurrent + MNIST_SLACK) {
			return Optional.of(String.format(Locale.ROOT, "its MNIST test error %.2f%% is more than 0.05 points "
					+ "above the current model's %.2f%%", 100 * mnistCandidate, 100 * mnistCurrent));
		}
		double heldCandidate = heldOut.get("candidate").asDouble();
		double heldCurrent = heldOut.get("current").asDouble();
		if (!(heldCandidate < heldCurrent)) {
			return Optional.of(String.format(Locale.ROOT, "its error on the %d held-out verified digits, %.2f%%, "
					+ "is not below the current model's %.2f%%", heldOut.path("digits").asInt(), 100 * heldCandidate,
					100 * heldCurrent));
		}
		return Optional.empty();
	}

	private static boolean pair(JsonNode node) {
		return node.path("candidate").isNumber() && node.path("current").isNumber();
	}
}
