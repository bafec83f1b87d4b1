package com.digitdesk.segment;

import java.util.List;

import com.digitdesk.api.recognition.DigitImage;

/** Judges how to read a blob that may be touching digits: whole, or cut into parts. */
interface SplitJudge {

	/**
	 * @param options each a reading of the same ink: one glyph, two glyphs, ...
	 * @return per option, how surely its glyphs are all digits (0: one of
	 *         them is not a digit at all)
	 */
	double[] scores(List<List<DigitImage>> options);

	/** The index of the most plausible option (the first of equals). */
	default int choose(List<List<DigitImage>> options) {
		return best(scores(options));
	}

	static int best(double[] scores) {
		int best = 0;
		for (int i = 1; i < scores.length; i++) {
			if (scores[i] > scores[best]) {
				best = i;
			}
		}
		return best;
	}
}
