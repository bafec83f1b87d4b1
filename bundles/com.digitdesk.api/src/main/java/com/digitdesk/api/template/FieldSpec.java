package com.digitdesk.api.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A numeric field of a form, with the geometry its kind prints inside its box
 * by the printing conventions of docs/templates.md, shared by whoever draws
 * forms and whoever reads them: a cell field is split into {@code cells}
 * equal cells; an amount has a printed dollar sign at its left
 * ({@value #DOLLAR_SIGN_WIDTH} box heights wide) and a cents divider
 * {@value #CENTS_WIDTH} box heights from its right edge.
 *
 * @param name unique within its template, used as key in results and exports
 * @param label the text printed beside the field, for people
 * @param kind how the field is written
 * @param box where the field is, in template coordinates
 * @param cells number of boxed cells for cell fields, 0 for free-hand amounts
 */
public record FieldSpec(String name, String label, FieldKind kind, TemplateBox box, int cells) {

	/** Width of the dollar-sign part of an amount, in box heights. */
	public static final double DOLLAR_SIGN_WIDTH = 0.6;
	/** Width of the cents part of an amount, in box heights. */
	public static final double CENTS_WIDTH = 1.6;

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

	/**
	 * The cells of a cell field, left to right.
	 *
	 * @throws IllegalArgumentException for a field without cells
	 */
	public List<TemplateBox> cellBoxes() {
		if (!isCellField()) {
			throw new IllegalArgumentException("field " + name + " has no cells");
		}
		double width = box.width() / cells;
		List<TemplateBox> boxes = new ArrayList<>(cells);
		for (int i = 0; i < cells; i++) {
			boxes.add(new TemplateBox(box.x() + i * width, box.y(), width, box.height()));
		}
		return boxes;
	}

	/**
	 * Where the printed dollar sign of an amount is.
	 *
	 * @throws IllegalArgumentException for a field that is no amount
	 */
	public TemplateBox dollarSign() {
		requireAmount();
		return new TemplateBox(box.x(), box.y(), DOLLAR_SIGN_WIDTH * box.height(), box.height());
	}

	/**
	 * The x coordinate of the printed cents divider of an amount.
	 *
	 * @throws IllegalArgumentException for a field that is no amount
	 */
	public double centsDivider() {
		requireAmount();
		return box.right() - CENTS_WIDTH * box.height();
	}

	/**
	 * Where the dollars of an amount are written: between the dollar sign and the cents divider.
	 *
	 * @throws IllegalArgumentException for a field that is no amount
	 */
	public TemplateBox dollars() {
		double left = box.x() + DOLLAR_SIGN_WIDTH * box.height();
		return new TemplateBox(left, box.y(), centsDivider() - left, box.height());
	}

	/**
	 * Where the two cent digits of an amount are written: right of the cents divider.
	 *
	 * @throws IllegalArgumentException for a field that is no amount
	 */
	public TemplateBox cents() {
		double left = centsDivider();
		return new TemplateBox(left, box.y(), box.right() - left, box.height());
	}

	private void requireAmount() {
		if (kind != FieldKind.AMOUNT) {
			throw new IllegalArgumentException("field " + name + " is no amount");
		}
	}
}
