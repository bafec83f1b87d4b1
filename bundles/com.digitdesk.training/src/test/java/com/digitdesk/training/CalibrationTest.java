package com.digitdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.digitdesk.recognizer.model.Logits;


class CalibrationTest {

	/**
	 * Labels drawn from softmax(z / 2): temperature 2 is the truth, and the
	 * fit must find it; at that temperature confidence matches accuracy.
	 */
	@Test
	void findsTheTemperatureThatGeneratedTheLabels() {
		int n = 20_000, classes = DigitNet.CLASSES;
		Random random = new Random(3);
		float[] logits = new float[n * classes];
		byte[] labels = new byte[n];
		double[] p = new double[classes];
		for (int i = 0; i < n; i++) {
			for (int c = 0; c < classes; c++) {
				logits[i * classes + c] = (float) (random.nextGaussian() * 4);
			}
			Logits.softmax(logits, i * classes, classes, 2.0, p);
			double u = random.nextDouble(), sum = 0;
			int label = classes - 1;
			for (int c = 0; c < classes; c++) {
				sum += p[c];
				if (u < sum) {
					label = c;
					break;
				}
			}
			labels[i] = (byte) label;
		}
		double fitted = Calibration.fitTemperature(logits, labels, classes);
		assertThat(fitted).isCloseTo(2.0, offset(0.15));
		double calibrated = Evaluation.ece(logits, labels, fitted);
		double overconfident = Evaluation.ece(logits, labels, 1.0);
		assertThat(calibrated).isLessThan(0.02);
		assertThat(overconfident).isGreaterThan(3 * calibrated);
	}

	@Test
	void eceIsTheWeightedGapBetweenConfidenceAndAccuracy() {
		// Ten predictions at 0.95 confidence, half right: gap 0.45.
		double[] confidence = new double[10];
		boolean[] correct = new boolean[10];
		for (int i = 0; i < 10; i++) {
			confidence[i] = 0.95;
			correct[i] = i % 2 == 0;
		}
		assertThat(Calibration.expectedCalibrationError(confidence, correct)).isCloseTo(0.45, offset(1e-9));
	}
}
