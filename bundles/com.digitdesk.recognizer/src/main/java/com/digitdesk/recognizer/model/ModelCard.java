package com.digitdesk.recognizer.model;

import java.util.List;
import java.util.Map;

/**
 * What a trained model is and where it comes from, stored beside it as JSON:
 * enough to reproduce it (data, seed, command) and to judge it (accuracy,
 * calibration). Training writes it; the recognizer reads its temperature
 * from here.
 * {@code startedFrom} names the model a fine-tuning run went on from (its
 * SHA-256 and command); {@code formGlyphs} counts the glyphs cut from forms
 * it trained on besides MNIST, {@code heldOutFormGlyphs} those added to the
 * validation split.
 */
public record ModelCard(
		String architecture,
		List<String> classes,
		double temperature,
		long seed,
		int epochs,
		int batchSize,
		double learningRate,
		double weightDecay,
		String augmentation,
		String nonDigits,
		Map<String, String> dataSha256,
		int trainingDigits,
		int validationDigits,
		int nonDigitSamples,
		String command,
		String trainedAt,
		double wallSeconds,
		double validationAccuracy,
		double testAccuracy,
		double testEceBefore,
		double testEceAfter,
		String modelSha256,
		String nd4jVersion,
		String startedFrom,
		Map<String, String> formGlyphsSha256,
		int formGlyphs,
		int heldOutFormGlyphs) {

	public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "not-a-digit");

	/** This card for the graph file whose SHA-256 is {@code sha}. */
	public ModelCard withModelSha256(String sha) {
		return new ModelCard(architecture, classes, temperature, seed, epochs, batchSize, learningRate, weightDecay,
				augmentation, nonDigits, dataSha256, trainingDigits, validationDigits, nonDigitSamples, command,
				trainedAt, wallSeconds, validationAccuracy, testAccuracy, testEceBefore, testEceAfter, sha,
				nd4jVersion, startedFrom, formGlyphsSha256, formGlyphs, heldOutFormGlyphs);
	}
}
