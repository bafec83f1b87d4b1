package com.digitdesk.forms;

import java.util.List;

import com.digitdesk.api.recognition.DigitImage;

/** Chooses how to read a blob that may be touching digits: whole, or cut into parts. */
interface SplitJudge {

	/**
	 * @param options each a reading of the same ink: one glyph, two glyphs, ...
	 * @return the index of the most plausible option
	 */
	int choose(List<List<DigitImage>> options);
}
