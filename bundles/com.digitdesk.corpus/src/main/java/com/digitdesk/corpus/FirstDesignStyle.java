package com.digitdesk.corpus;

import java.awt.Graphics2D;
import java.util.Map;
import java.util.Random;

import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;

/**
 * The first designs ({@code f1040-p1}, {@code w2}): forms drawn by
 * {@link FormPainter}, digits in cells, amounts beside a printed {@code $}
 * and cents divider. Draws exactly what it always drew for a seed.
 */
final class FirstDesignStyle implements FormStyle {

	static final FirstDesignStyle INSTANCE = new FirstDesignStyle();

	private FirstDesignStyle() {
	}

	@Override
	public Map<String, String> values(FormTemplate template, Random random) {
		return ValueGenerator.values(template, random);
	}

	@Override
	public void paint(Graphics2D g, FormTemplate template) {
		FormPainter.paint(g, template);
	}

	@Override
	public void fill(Graphics2D g, FormTemplate template, Map<String, String> values, Handwriting hand,
			Random random) {
		for (FieldSpec field : template.fields()) {
			hand.write(g, field, values.get(field.name()));
		}
	}
}
