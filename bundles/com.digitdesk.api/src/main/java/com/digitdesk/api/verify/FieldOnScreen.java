package com.digitdesk.api.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.template.FieldKind;

/**
 * The current field as the window shows it.
 *
 * @param field the stored field
 * @param kind its kind in its template (amounts take the last two digits
 *        typed as cents)
 * @param digits each digit position's glyph and ranked classes
 * @param snippet the field as scanned, if the importer kept it
 * @param shown the value the clerk sees: what was typed, else the proposal
 *        or the value read
 * @param typed whether {@code shown} is what the clerk typed
 * @param cursor the selected character of {@code shown}, or -1
 * @param reasons why the field waits, in words
 * @param message the answer to the clerk's last act on this field (a
 *        refused value's reason), or empty
 */
public record FieldOnScreen(StoredField field, FieldKind kind, List<DigitResult> digits, Optional<FieldImage> snippet,
		String shown, boolean typed, int cursor, List<String> reasons, String message) {

	public FieldOnScreen {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(snippet, "snippet");
		Objects.requireNonNull(shown, "shown");
		Objects.requireNonNull(message, "message");
		digits = List.copyOf(digits);
		reasons = List.copyOf(reasons);
	}
}
