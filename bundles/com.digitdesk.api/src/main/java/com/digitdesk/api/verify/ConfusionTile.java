package com.digitdesk.api.verify;

import java.util.Objects;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.store.StoredField;

/**
 * One doubtful glyph in a confusion-pair grid.
 *
 * @param field the waiting field it belongs to
 * @param position its digit position in the field
 * @param glyph the glyph as the recognizer saw it
 * @param probability how sure the recognizer was of the digit it read
 */
public record ConfusionTile(StoredField field, int position, DigitImage glyph, double probability) {

	public ConfusionTile {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(glyph, "glyph");
	}
}
