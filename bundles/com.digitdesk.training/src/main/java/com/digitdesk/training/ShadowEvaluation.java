package com.digitdesk.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;

import com.digitdesk.recognizer.model.Logits;

/**
 * A candidate model and the current one side by side on the same digits,
 * each network alone at its own calibration: the MNIST test digits, the
 * held-out verified digits, and the routing of the held-out verified fields
 * at the routing threshold (a field goes through unseen when every verified
 * digit of it reaches the threshold, its value's rules aside). These figures
 * are what the promotion guard reads.
 */
final class ShadowEvaluation {

	/** One network with the temperature its card gives. */
	record Network(String name, SameDiff graph, double temperature) {
	}

	/** The figures, and the reject curves on the held-out verified digits (candidate first). */
	record Result(Map<String, Object> figures, Map<String, List<Evaluation.RejectPoint>> curves) {
	}

	/** How far the reject curves of new hands reach: a hand new to the model may need a third seen. */
	static final double CURVE_REJECT = 0.3;

	private ShadowEvaluation() {
	}

	/**
	 * @param heldOutFields the field each held-out digit belongs to, in the
	 *        order of {@code heldOut}
	 */
	static Result of(Network candidate, Network current, LabelledSet mnistTest, LabelledSet heldOut,
			long[] heldOutFields, double threshold) throws Exception {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("mnist_test_error", pair(error(candidate, mnistTest), error(current, mnistTest)));
		Evaluation.Scored candidateHeld = amongDigits(candidate, heldOut);
		Evaluation.Scored currentHeld = amongDigits(current, heldOut);
		Map<String, Object> verified = pair(candidateHeld.error(), currentHeld.error());
		verified.put("digits", heldOut.size());
		figures.put("held_out_error", verified);
		Map<String, Object> routing = new LinkedHashMap<>();
		routing.put("digit_threshold", threshold);
		routing.put("candidate", routing(candidateHeld, heldOutFields, threshold));
		routing.put("current", routing(currentHeld, heldOutFields, threshold));
		figures.put("held_out_routing", routing);
		Map<String, List<Evaluation.RejectPoint>> curves = new LinkedHashMap<>();
		curves.put(candidate.name(), Evaluation.curve(candidateHeld, CURVE_REJECT, 120));
		curves.put(current.name(), Evaluation.curve(currentHeld, CURVE_REJECT, 120));
		return new Result(figures, curves);
	}

	private static double error(Network network, LabelledSet set) throws Exception {
		return 1 - Logits.accuracy(Logits.ofAll(network.graph(), set.images(), set.size(), 500), set.labels());
	}

	/** Each digit's probability among the digits, as routing compares it with its threshold. */
	private static Evaluation.Scored amongDigits(Network network, LabelledSet set) throws Exception {
		float[] logits = Logits.ofAll(network.graph(), set.images(), set.size(), 500);
		double[] probabilities = new double[logits.length];
		double[] row = new double[DigitNet.CLASSES];
		for (int i = 0; i < set.size(); i++) {
			Logits.softmax(logits, i * DigitNet.CLASSES, DigitNet.CLASSES, network.temperature(), row);
			System.arraycopy(row, 0, probabilities, i * DigitNet.CLASSES, DigitNet.CLASSES);
		}
		return Evaluation.scoreAmongDigits(probabilities, set.labels());
	}

	/** Fields whose every digit reaches the threshold, and the share of those with a digit wrong. */
	private static Map<String, Object> routing(Evaluation.Scored scored, long[] fields, double threshold) {
		Map<Long, boolean[]> byField = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i++) {
			// [accepted so far, wrong so far]
			boolean[] field = byField.computeIfAbsent(fields[i], f -> new boolean[] { true, false });
			field[0] &= scored.confidence()[i] >= threshold;
			field[1] |= !scored.correct()[i];
		}
		long accepted = byField.values().stream().filter(f -> f[0]).count();
		long wrong = byField.values().stream().filter(f -> f[0] && f[1]).count();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("fields", byField.size());
		out.put("accepted_share", byField.isEmpty() ? 0 : (double) accepted / byField.size());
		out.put("wrong_among_accepted", accepted == 0 ? 0 : (double) wrong / accepted);
		return out;
	}

	private static Map<String, Object> pair(double candidate, double current) {
		Map<String, Object> pair = new LinkedHashMap<>();
		pair.put("candidate", candidate);
		pair.put("current", current);
		return pair;
	}
}
