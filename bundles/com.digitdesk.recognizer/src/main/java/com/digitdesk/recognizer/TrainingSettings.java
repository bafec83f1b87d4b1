package com.digitdesk.recognizer;

import java.nio.file.Path;

/**
 * What a training run uses.
 *
 * @param output where the model goes (path without extension)
 * @param epochs passes over the training digits
 * @param batchSize digits per step
 * @param learningRate Adam's initial rate (falls tenfold over the run)
 * @param weightDecay decoupled weight decay
 * @param seed for the split, the initial weights, the order and the augmentation
 * @param validationDigits MNIST training digits held out
 * @param nonDigitShare synthetic non-digits per training digit
 * @param limit use only the first {@code limit} training digits (0: all), for quick runs
 * @param threads native threads for training
 * @param touchingPairs also teach "not a digit" on two touching digits
 * @param digitHalves also teach "not a digit" on one side of a digit cut in two
 * @param scanRoundTrip put 1 in 4 training digits through a simulated scan and renormalization
 * @param elastic put 1 in 2 training digits through an elastic distortion
 */
record TrainingSettings(Path output, int epochs, int batchSize, double learningRate, double weightDecay, long seed,
		int validationDigits, double nonDigitShare, int limit, int threads, boolean touchingPairs,
		boolean digitHalves, boolean scanRoundTrip, boolean elastic) {

	static TrainingSettings defaults(Path output) {
		return new TrainingSettings(output, 20, 128, 1e-3, 1e-4, 20261121L, 5000, 0.1, 0,
				Runtime.getRuntime().availableProcessors(), false, false, false, false);
	}

	Augmenter augmenter() {
		return new Augmenter(scanRoundTrip, elastic);
	}

	/** Which kinds of digit parts become non-digits. */
	NonDigits.Parts parts() {
		return new NonDigits.Parts(touchingPairs, digitHalves);
	}
}
