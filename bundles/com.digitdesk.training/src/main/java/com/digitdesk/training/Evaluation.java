package com.digitdesk.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.digitdesk.recognizer.model.Logits;


/**
 * Measures of a model on labelled digits: error, calibration, and the
 * error-versus-reject curve (how much must go to a person for the rest to be
 * this reliable).
 */
final class Evaluation {

	private Evaluation() {
	}

	/** Top-class confidence and correctness of every sample at a temperature. */
	record Scored(double[] confidence, boolean[] correct) {

		int size() {
			return confidence.length;
		}

		double error() {
			int wrong = 0;
			for (boolean c : correct) {
				wrong += c ? 0 : 1;
			}
			return (double) wrong / correct.length;
		}
	}

	static Scored score(float[] logits, byte[] labels, double temperature) {
		double[] confidence = new double[labels.length];
		boolean[] correct = new boolean[labels.length];
		double[] p = new double[DigitNet.CLASSES];
		for (int i = 0; i < labels.length; i++) {
			Logits.softmax(logits, i * DigitNet.CLASSES, DigitNet.CLASSES, temperature, p);
			int best = Logits.argmax(logits, i);
			confidence[i] = p[best];
			correct[i] = best == labels[i];
		}
		return new Scored(confidence, correct);
	}

	/** Top-class probability and correctness of every sample, from class probabilities (11 per sample). */
	static Scored score(double[] probabilities, byte[] labels) {
		return score(probabilities, labels, false);
	}

	/**
	 * As {@link #score(double[], byte[])}, but a digit's confidence is its
	 * probability among the ten digits (the share the network gives "not a
	 * digit" set aside), which is what routing compares with its threshold;
	 * a sample whose top class is "not a digit" has confidence 0.
	 */
	static Scored scoreAmongDigits(double[] probabilities, byte[] labels) {
		return score(probabilities, labels, true);
	}

	private static Scored score(double[] probabilities, byte[] labels, boolean amongDigits) {
		double[] confidence = new double[labels.length];
		boolean[] correct = new boolean[labels.length];
		for (int i = 0; i < labels.length; i++) {
			int offset = i * DigitNet.CLASSES;
			int best = 0;
			for (int c = 1; c < DigitNet.CLASSES; c++) {
				if (probabilities[offset + c] > probabilities[offset + best]) {
					best = c;
				}
			}
			double top = probabilities[offset + best];
			if (amongDigits) {
				double digits = 1 - probabilities[offset + DigitNet.NOT_A_DIGIT];
				top = best == DigitNet.NOT_A_DIGIT || digits <= 0 ? 0 : top / digits;
			}
			confidence[i] = top;
			correct[i] = best == labels[i];
		}
		return new Scored(confidence, correct);
	}

	static double ece(float[] logits, byte[] labels, double temperature) {
		Scored scored = score(logits, labels, temperature);
		return Calibration.expectedCalibrationError(scored.confidence(), scored.correct());
	}

	/** One point of the reject curve. */
	record RejectPoint(double rejectRate, double error, double threshold) {
	}

	/**
	 * Error among the accepted samples when the least confident
	 * {@code rejectRate} share is sent to a person.
	 */
	static RejectPoint atRejectRate(Scored scored, double rejectRate) {
		Integer[] order = byConfidence(scored);
		int rejected = (int) Math.round(rejectRate * scored.size());
		int wrong = 0;
		for (int i = rejected; i < order.length; i++) {
			wrong += scored.correct()[order[i]] ? 0 : 1;
		}
		int accepted = order.length - rejected;
		double threshold = rejected < order.length ? scored.confidence()[order[rejected]] : 1;
		return new RejectPoint((double) rejected / scored.size(), accepted == 0 ? 0 : (double) wrong / accepted,
				threshold);
	}

	/**
	 * The smallest reject rate whose accepted error is at most
	 * {@code targetError}, with the confidence threshold that achieves it
	 * (accept when confidence &gt;= threshold).
	 */
	static RejectPoint forTargetError(Scored scored, double targetError) {
		Integer[] order = byConfidence(scored);
		int n = order.length;
		int[] wrongFromHere = new int[n + 1];
		for (int i = n - 1; i >= 0; i--) {
			wrongFromHere[i] = wrongFromHere[i + 1] + (scored.correct()[order[i]] ? 0 : 1);
		}
		for (int rejected = 0; rejected < n; rejected++) {
			// Only cut between different confidences: a threshold cannot split ties.
			if (rejected > 0 && scored.confidence()[order[rejected]] == scored.confidence()[order[rejected - 1]]) {
				continue;
			}
			double error = (double) wrongFromHere[rejected] / (n - rejected);
			if (error <= targetError) {
				return new RejectPoint((double) rejected / n, error, scored.confidence()[order[rejected]]);
			}
		}
		return new RejectPoint(1, 0, 1);
	}

	/** The whole curve, for a plot: reject rates from 0 to {@code maxReject} in {@code steps}. */
	static List<RejectPoint> curve(Scored scored, double maxReject, int steps) {
		List<RejectPoint> points = new ArrayList<>();
		for (int i = 0; i <= steps; i++) {
			points.add(atRejectRate(scored, maxReject * i / steps));
		}
		return points;
	}

	private static Integer[] byConfidence(Scored scored) {
		Integer[] order = new Integer[scored.size()];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, Comparator.comparingDouble(i -> scored.confidence()[i]));
		return order;
	}
}
