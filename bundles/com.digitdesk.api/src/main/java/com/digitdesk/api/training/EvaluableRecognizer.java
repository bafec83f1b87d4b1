package com.digitdesk.api.training;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;

/**
 * A recognizer that lets itself be measured: besides recognizing, it tells
 * the class probabilities it computes for a set of glyphs before and after
 * its calibration, which models and settings stand behind them, and makes
 * copies of itself with other batch settings to time. Registered beside
 * {@link DigitRecognizer} by a recognizer with a trained model; the
 * {@code eval} command measures it.
 */
@ProviderType
public interface EvaluableRecognizer extends DigitRecognizer {

	/** Index of "not a digit" among the 11 probabilities of a glyph (the ten digits come first). */
	int NOT_A_DIGIT = 10;
	/** Probabilities per glyph: the ten digits and "not a digit". */
	int CLASSES = 11;

	/** The models and the settings this recognizer reads with. */
	RecognizerSetup setup();

	/**
	 * The class probabilities of {@code count} glyphs (784 bytes each, as
	 * {@link com.digitdesk.api.recognition.DigitImage} holds them), computed as
	 * {@link #recognize(java.util.List)} computes them, once calibrated and
	 * once with the networks' raw softmax.
	 *
	 * @throws RecognitionException when the recognizer cannot run
	 */
	Scores scores(byte[] pixels, int count) throws RecognitionException;

	/**
	 * A recognizer with the same models and settings, but {@code batchSize}
	 * glyphs per network call on {@code threads} worker threads (0: one per
	 * core); with {@code firstModelOnly}, only the first model, as it is,
	 * with no second opinion and no shifted views. Close it after use.
	 */
	Trial trial(int batchSize, int threads, boolean firstModelOnly);

	/** A recognizer made to be measured, holding worker threads until closed. */
	@ProviderType
	interface Trial extends DigitRecognizer, AutoCloseable {
		@Override
		void close();
	}
}
