package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;

/**
 * Judges readings by the recognizer: the reading whose glyphs are together
 * most surely digits (product of their calibrated top probabilities, "not a
 * digit" counting as zero) wins. Two touching digits read whole are a poor
 * digit; one wide digit cut in two makes two poor ones.
 */
final class RecognizerJudge implements SplitJudge {

	private final DigitRecognizer recognizer;

	RecognizerJudge(DigitRecognizer recognizer) {
		this.recognizer = recognizer;
	}

	@Override
	public double[] scores(List<List<DigitImage>> options) {
		List<DigitImage> all = new ArrayList<>();
		options.forEach(all::addAll);
		double[] scores = new double[options.size()];
		List<DigitPrediction> predictions;
		try {
			predictions = recognizer.recognizeCarefully(all);
		} catch (RecognitionException e) {
			scores[options.size() - 1] = 1; // as without a judge: the finest cut
			return scores;
		}
		int next = 0;
		for (int i = 0; i < options.size(); i++) {
			double score = 1;
			for (int g = 0; g < options.get(i).size(); g++) {
				DigitPrediction prediction = predictions.get(next++);
				score *= prediction.isDigit() ? prediction.confidence() : 0;
			}
			scores[i] = score;
		}
		return scores;
	}
}
