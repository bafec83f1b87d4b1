package com.digitdesk.training;

import java.nio.file.Path;

import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.training.MnistDatasets;

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
 * @param sources where training starts and what it learns from besides MNIST
 */
record TrainingSettings(Path output, int epochs, int batchSize, double learningRate, double weightDecay, long seed,
		int validationDigits, double nonDigitShare, int limit, int threads, boolean touchingPairs,
		boolean digitHalves, boolean scanRoundTrip, boolean elastic, Sources sources) {

	static TrainingSettings defaults(Path output) {
		return new TrainingSettings(output, 20, 128, 1e-3, 1e-4, MnistDatasets.DEFAULT_SEED,
				MnistDatasets.HELD_OUT_DIGITS, 0.1, 0,
				Runtime.getRuntime().availableProcessors(), false, false, false, false, Sources.NONE);
	}

	Augmenter augmenter(DigitNormalizer normalizer) {
		return new Augmenter(scanRoundTrip, elastic, normalizer);
	}

	/** Which kinds of digit parts become non-digits. */
	NonDigits.Parts parts() {
		return new NonDigits.Parts(touchingPairs, digitHalves);
	}

	/**
	 * @param startFrom a trained model to go on training (fine-tuning), or null to start afresh
	 * @param formGlyphs IDX files ({@code PREFIX-images-idx3-ubyte}, {@code PREFIX-labels-idx1-ubyte})
	 *        of glyphs cut from forms filled in with fitting digits, trained on besides MNIST; or null
	 * @param heldOutFormGlyphs the same from forms filled in with held-out digits, added to the
	 *        validation split (progress and calibration); or null
	 */
	record Sources(Path startFrom, Path formGlyphs, Path heldOutFormGlyphs) {
		static final Sources NONE = new Sources(null, null, null);
	}
}
