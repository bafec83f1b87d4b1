package com.digitdesk.api.recognition;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Recognizes handwritten digits. Built for batches: a page's glyphs go in one
 * call. Safe to call from several threads at once.
 */
@ProviderType
public interface DigitRecognizer {

	/**
	 * Recognizes a batch of glyphs.
	 *
	 * @return one prediction per glyph, in the same order
	 * @throws RecognitionException when the recognizer cannot run (e.g. its
	 *         model is unusable); never for an odd glyph, which just gets a
	 *         low confidence or {@link ClassProbability#NOT_A_DIGIT}
	 */
	List<DigitPrediction> recognize(List<DigitImage> glyphs) throws RecognitionException;

	/** What model this recognizer runs, for reports and provenance. */
	RecognizerInfo info();
}
