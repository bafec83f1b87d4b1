package com.digitdesk.api.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A numeric field of a form.
 *
 * @param name unique within its template, used as key in results and exports
 * @param label the text printed beside the field, for people
 * @param kind how the field is written
 * @param box where the field is written, in template coordinates
 * @param cells number of boxed cells for cell fields; 0 for fields written
 *        freely in their box (amounts, numbers, an SSN in one box)
 * @param maxDigits the most digits a free-hand field holds (a number, an
 *        SSN in one box: 9); 0 when the template does not say
 * @param centsDivider for amounts, the x coordinate of the printed cents
 *        divider when the template states it; empty when it does not (the
 *        box may have none, or the segmenter finds it in the print)
 * @param digitCounts for a number, the only digit counts it is written with
 *        (a ZIP code: 5 or 9), ascending; empty when any count up to
 *        {@code maxDigits} is right
 */
public record FieldSpec(String name, String label, FieldKind kind, TemplateBox box, int cells, int maxDigits,
		OptionalDouble centsDivider, List<Integer> digitCounts) {

	public FieldSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(box, "box");
		Objects.requireNonNull(centsDivider, "centsDivider");
		digitCounts = List.copyOf(digitCounts);
		if (cells < 0 || maxDigits < 0) {
			throw new IllegalArgumentException("field " + name + ": cells and maxDigits must not be negative");
		}
		if ((kind == FieldKind.DIGITS || kind == FieldKind.DATE) && cells == 0) {
			throw new IllegalArgumentException("field " + name + ": a " + kind + " field needs its cell count");
		}
		if ((kind == FieldKind.AMOUNT || kind == FieldKind.NUMBER) && cells != 0) {
			throw new IllegalArgumentException("field " + name + ": a " + kind + " field is written without cells");
		}
		if (centsDivider.isPresent() && (kind != FieldKind.AMOUNT || centsDivider.getAsDouble() <= box.x()
				|| centsDivider.getAsDouble() >= box.right())) {
			throw new IllegalArgumentException("field " + name + ": only an amount has a cents divider, inside its box");
		}
		for (int i = 0; i < digitCounts.size(); i++) {
			int count = digitCounts.get(i);
			if (kind != FieldKind.NUMBER || count < 1 || maxDigits > 0 && count > maxDigits
					|| i > 0 && count <= digitCounts.get(i - 1)) {
				throw new IllegalArgumentException("field " + name
						+ ": only a number has digit counts, ascending, from 1 to its maxDigits");
			}
		}
	}

	/** A field without a list of digit counts. */
	public FieldSpec(String name, String label, FieldKind kind, TemplateBox box, int cells, int maxDigits,
			OptionalDouble centsDivider) {
		this(name, label, kind, box, cells, maxDigits, centsDivider, List.of());
	}

	/** A field with cells, or written freely without a stated digit count or cents divider. */
	public FieldSpec(String name, String label, FieldKind kind, TemplateBox box, int cells) {
		this(name, label, kind, box, cells, kind == FieldKind.SSN && cells == 0 ? 9 : 0, OptionalDouble.empty());
	}

	/** True for fields written in cells, one digit per cell. */
	public boolean isCellField() {
		return cells > 0;
	}

	/** True for digit strings written freely in the box without cents: numbers, an SSN in one box. */
	public boolean isFreeDigitString() {
		return cells == 0 && kind != FieldKind.AMOUNT;
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
}
