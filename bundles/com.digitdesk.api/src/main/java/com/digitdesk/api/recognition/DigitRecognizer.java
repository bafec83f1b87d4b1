package com.digitdesk.api.recognition;

import java.util.List;
import java.util.Optional;

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

	/**
	 * Recognizes a batch of glyphs taking more time over the doubtful ones,
	 * for readings whose digits are accepted without a person looking (an
	 * import): a recognizer may, for example, read such a glyph again in
	 * other views and average what it sees. The same as
	 * {@link #recognize(List)} unless a recognizer does more.
	 *
	 * @return one prediction per glyph, in the same order
	 * @throws RecognitionException as {@link #recognize(List)}
	 */
	default List<DigitPrediction> recognizeCarefully(List<DigitImage> glyphs) throws RecognitionException {
		return recognize(glyphs);
	}

	/** What model this recognizer runs, for reports and provenance. */
	RecognizerInfo info();

	/**
	 * What the network's first convolution layer makes of a glyph (its
	 * activation maps, after the non-linearity), for people who want to see
	 * why it reads what it reads; empty when the recognizer has no such layer.
	 */
	default Optional<ActivationMaps> firstLayer(DigitImage glyph) throws RecognitionException {
		return Optional.empty();
	}
}
