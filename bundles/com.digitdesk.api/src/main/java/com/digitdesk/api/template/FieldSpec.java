package com.digitdesk.api.template;

import java.util.Objects;

/**
 * A numeric field of a form.
 *
 * @param name unique within its template, used as key in results and exports
 * @param label the text printed beside the field, for people
 * @param kind how the field is written
 * @param box where the field is, in template coordinates
 * @param cells number of boxed cells for cell fields, 0 for free-hand amounts
 */
public record FieldSpec(String name, String label, FieldKind kind, TemplateBox box, int cells) {

	public FieldSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(box, "box");
		if (cells < 0) {
			throw new IllegalArgumentException("field " + name + ": cells must not be negative");
		}
		if (kind != FieldKind.AMOUNT && cells == 0) {
			throw new IllegalArgumentException("field " + name + ": a " + kind + " field needs its cell count");
		}
	}

	/** True for fields written in cells, one digit per cell. */
	public boolean isCellField() {
		return cells > 0;
	}
}
