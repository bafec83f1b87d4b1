package com.digitdesk.api.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The printing conventions of fields (docs/templates.md), shared by whoever
 * draws forms and whoever cuts them: cell fields are split into equal cells;
 * an amount has a printed dollar sign at its left and a cents divider
 * {@value #CENTS_WIDTH} box heights from its right edge.
 */
public final class FieldLayout {

	/** Width of the dollar-sign part of an amount, in box heights. */
	public static final double DOLLAR_SIGN_WIDTH = 0.6;
	/** Width of the cents part of an amount, in box heights. */
	public static final double CENTS_WIDTH = 1.6;

	private FieldLayout() {
	}

	/** The cells of a cell field, left to right. */
	public static List<TemplateBox> cells(FieldSpec field) {
		if (!field.isCellField()) {
			throw new IllegalArgumentException("field " + field.name() + " has no cells");
		}
		TemplateBox box = field.box();
		double width = box.width() / field.cells();
		List<TemplateBox> cells = new ArrayList<>(field.cells());
		for (int i = 0; i < field.cells(); i++) {
			cells.add(new TemplateBox(box.x() + i * width, box.y(), width, box.height()));
		}
		return cells;
	}

	/** Where the printed dollar sign of an amount is. */
	public static TemplateBox dollarSign(FieldSpec field) {
		TemplateBox box = amountBox(field);
		return new TemplateBox(box.x(), box.y(), DOLLAR_SIGN_WIDTH * box.height(), box.height());
	}

	/** The x coordinate of the printed cents divider of an amount. */
	public static double centsDivider(FieldSpec field) {
		TemplateBox box = amountBox(field);
		return box.right() - CENTS_WIDTH * box.height();
	}

	/** Where the dollars are written: between the dollar sign and the cents divider. */
	public static TemplateBox dollars(FieldSpec field) {
		TemplateBox box = amountBox(field);
		double left = box.x() + DOLLAR_SIGN_WIDTH * box.height();
		return new TemplateBox(left, box.y(), centsDivider(field) - left, box.height());
	}

	/** Where the two cent digits are written: right of the cents divider. */
	public static TemplateBox cents(FieldSpec field) {
		TemplateBox box = amountBox(field);
		double left = centsDivider(field);
		return new TemplateBox(left, box.y(), box.right() - left, box.height());
	}

	private static TemplateBox amountBox(FieldSpec field) {
		if (field.kind() != FieldKind.AMOUNT) {
			throw new IllegalArgumentException("field " + field.name() + " is no amount");
		}
		return field.box();
	}
}
