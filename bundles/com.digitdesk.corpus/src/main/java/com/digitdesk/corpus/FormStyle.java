package com.digitdesk.corpus;

import java.awt.Graphics2D;
import java.util.Map;
import java.util.Random;

import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FormTemplate;

/** How the blank form of a template is printed, and how people fill it in. */
interface FormStyle {

	/** The values written on one page, in the normalized form of the ground truth. */
	Map<String, String> values(FormTemplate template, Random random);

	/** Prints the blank form in template coordinates (points, y down). */
	void paint(Graphics2D g, FormTemplate template);

	/** Writes {@code values} into the form's fields. */
	void fill(Graphics2D g, FormTemplate template, Map<String, String> values, Handwriting hand, Random random);

	/**
	 * The style of a template: the official forms' printed pages, a design of
	 * the corpus, or the first designs' own for them and any other template
	 * in their conventions (cells and amounts only), else the first designs'
	 * boxes with free writing in the plain ones.
	 */
	static FormStyle of(FormTemplate template) {
		return switch (template.id()) {
		case OfficialFormStyle.F1040_2024 -> OfficialFormStyle.f1040();
		case OfficialFormStyle.W2_2024 -> OfficialFormStyle.w2();
		default -> Designs.style(template.id()).orElseGet(() -> template.fields().stream()
				.allMatch(f -> f.isCellField() || f.kind() == FieldKind.AMOUNT) ? FirstDesignStyle.INSTANCE
						: DesignStyle.FIRST_DESIGN_BOXES);
		};
	}
}
