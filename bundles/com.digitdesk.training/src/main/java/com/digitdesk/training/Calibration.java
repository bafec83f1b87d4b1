package com.digitdesk.training;

import com.digitdesk.recognizer.model.Logits;

/**
 * Temperature scaling (Guo et al., 2017): one number T divides the logits
 * before the softmax so that confidence matches accuracy. It is fitted on
 * held-out digits by minimising their negative log-likelihood; it never
 * changes which class wins.
 */
final class Calibration {

	static final int ECE_BINS = 15;

	private Calibration() {
	}

	/** Mean negative log-likelihood of the true labels at a temperature. */
	static double negativeLogLikelihood(float[] logits, byte[] labels, int classes, double temperature) {
		double[] p = new double[classes];
		double total = 0;
		for (int i = 0; i < labels.length; i++) {
			Logits.softmax(logits, i * classes, classes, temperature, p);
			total -= Math.log(Math.max(p[labels[i]], 1e-12));
		}
		return total / labels.length;
	}

	/** The temperature in [0.05, 20] with the least NLL, by golden-section search on log T. */
	static double fitTemperature(float[] logits, byte[] labels, int classes) {
		double lo = Math.log(0.05), hi = Math.log(20);
		double ratio = (Math.sqrt(5) - 1) / 2;
		double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
		double fa = negativeLogLikelihood(logits, labels, classes, Math.exp(a));
		double fb = negativeLogLikelihood(logits, labels, classes, Math.exp(b));
		for (int i = 0; i < 60; i++) {
			if (fa < fb) {
				hi = b;
				b = a;
				fb = fa;
				a = hi - ratio * (hi - lo);
				fa = negativeLogLikelihood(logits, labels, classes, Math.exp(a));
			} else {
				lo = a;
				a = b;
				fa = fb;
				b = lo + ratio * (hi - lo);
				fb = negativeLogLikelihood(logits, labels, classes, Math.exp(b));
			}
		}
		return Math.exp((lo + hi) / 2);
	}

	/**
	 * Expected calibration error: predictions binned by confidence into
	 * {@value #ECE_BINS} equal-width bins; the weighted mean gap between each
	 * bin's accuracy and its mean confidence.
	 */
	static double expectedCalibrationError(double[] confidence, boolean[] correct) {
		double[] sumConfidence = new double[ECE_BINS];
		double[] sumCorrect = new double[ECE_BINS];
		int[] count = new int[ECE_BINS];
		for (int i = 0; i < confidence.length; i++) {
			int bin = Math.min(ECE_BINS - 1, (int) (confidence[i] * ECE_BINS));
			sumConfidence[bin] += confidence[i];
			sumCorrect[bin] += correct[i] ? 1 : 0;
			count[bin]++;
		}
		double ece = 0;
		for (int bin = 0; bin < ECE_BINS; bin++) {
			if (count[bin] > 0) {
				ece += Math.abs(sumCorrect[bin] - sumConfidence[bin]) / confidence.length;
			}
		}
		return ece;
	}
}
