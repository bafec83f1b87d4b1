package com.digitdesk.draft;

import java.util.Optional;
import java.util.OptionalDouble;

import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.TemplateBox;

/**
 * A box where digits could be written, as proposed: where (template points),
 * its guessed kind, its cell count ({@code digits} only, else 0), the printed
 * cents divider of an amount, and where its label is printed when it is
 * inside the same printed cell, above the writing area.
 */
record DraftField(TemplateBox box, FieldKind kind, int cells, OptionalDouble centsDivider,
		Optional<TemplateBox> labelInside) {
}
