package com.digitdesk.corpus;

import java.awt.Graphics2D;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Function;

import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;

/**
 * Fills in a form the way people write in plain boxes: digits one per cell
 * where there are cells; elsewhere on one line, amounts mostly right-aligned,
 * with or without thousands commas, with a written decimal point and cents or
 * in whole dollars (or dollars and cents either side of a printed divider),
 * an SSN in the parts of a printed 3|2|4 divider or freely (sometimes with
 * dashes), an EIN as {@code 12-3456789}. Each writer keeps their habits over
 * the page.
 */
final class PlainBoxFilling {

	/** Digit height as a share of the box height, at the least: real people write 7 to 9 pt in a 12 pt box. */
	static final double MIN_HEIGHT_SHARE = 0.58;
	static final double MAX_HEIGHT_SHARE = 0.75;
	static final double COMMA_WRITERS = 0.5;
	static final double DASHED_SSN_WRITERS = 0.4;
	/** How often a whole-dollar amount is written without ".00". */
	static final double CENTS_LEFT_OUT = 0.85;

	private final Function<FieldSpec, OptionalDouble> centsDivider;
	private final double signWidth;
	private final Map<String, double[]> ssnDividers;

	/**
	 * @param centsDivider the x of an amount's printed cents divider, if any
	 * @param signWidth the width of a {@code $} printed inside an amount's box, in box heights (0: none)
	 * @param ssnDividers for SSN fields in one box with printed dividers, their x
	 */
	PlainBoxFilling(Function<FieldSpec, OptionalDouble> centsDivider, double signWidth,
			Map<String, double[]> ssnDividers) {
		this.centsDivider = centsDivider;
		this.signWidth = signWidth;
		this.ssnDividers = Map.copyOf(ssnDividers);
	}

	void fill(Graphics2D g, FormTemplate template, Map<String, String> values, Handwriting hand, Random random) {
		boolean commas = random.nextDouble() < COMMA_WRITERS;
		boolean dashes = random.nextDouble() < DASHED_SSN_WRITERS;
		double heightShare = MIN_HEIGHT_SHARE + (MAX_HEIGHT_SHARE - MIN_HEIGHT_SHARE) * random.nextDouble();
		for (FieldSpec field : template.fields()) {
			String value = values.get(field.name());
			if (value.isEmpty()) {
				continue;
			}
			if (field.isCellField()) {
				hand.write(g, field, value);
				continue;
			}
			TemplateBox box = field.box();
			double height = box.height() * heightShare;
			if (field.kind() == FieldKind.AMOUNT && signWidth > 0) {
				box = new TemplateBox(box.x() + signWidth * box.height(), box.y(), box.width() - signWidth * box.height(),
						box.height());
			}
			switch (field.kind()) {
			case SSN -> {
				double[] dividers = ssnDividers.get(field.name());
				if (dividers != null) {
					writeParts(g, hand, box, value, dividers, height, random);
				} else {
					hand.writeFree(g, box, dashes ? ssn(value) : value, height, random.nextDouble() * 0.6);
				}
			}
			case NUMBER -> hand.writeFree(g, box, field.name().equals("ein") ? ein(value) : value, height,
					random.nextDouble() * 0.5);
			case AMOUNT -> {
				OptionalDouble divider = centsDivider.apply(field);
				String dollars = value.substring(0, value.indexOf('.'));
				String cents = value.substring(value.indexOf('.') + 1);
				String written = commas ? withCommas(dollars) : dollars;
				double slack = random.nextDouble() < 0.8 ? 0.85 + 0.15 * random.nextDouble() : 0.6 * random.nextDouble();
				if (divider.isPresent()) {
					double d = divider.getAsDouble();
					hand.writeFree(g, new TemplateBox(box.x(), box.y(), d - box.x(), box.height()), written, height,
							slack);
					hand.writeFree(g, new TemplateBox(d, box.y(), box.right() - d, box.height()), cents, height,
							0.2 + 0.6 * random.nextDouble());
				} else {
					boolean whole = cents.equals("00") && random.nextDouble() < CENTS_LEFT_OUT;
					hand.writeFree(g, box, whole ? written : written + "." + cents, height, slack);
				}
			}
			default -> throw new IllegalStateException(
					"template " + template.id() + ", field " + field.name() + ": no way to write a " + field.kind());
			}
		}
	}

	/** 3, 2 and 4 digits in the three parts the printed dividers make. */
	private static void writeParts(Graphics2D g, Handwriting hand, TemplateBox box, String ssn, double[] dividers,
			double height, Random random) {
		double[] edges = { box.x(), dividers[0], dividers[1], box.right() };
		String[] parts = { ssn.substring(0, 3), ssn.substring(3, 5), ssn.substring(5) };
		for (int i = 0; i < 3; i++) {
			TemplateBox part = new TemplateBox(edges[i], box.y(), edges[i + 1] - edges[i], box.height());
			hand.writeFree(g, part, parts[i], height, 0.25 + 0.5 * random.nextDouble());
		}
	}

	static String ssn(String digits) {
		return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
	}

	static String ein(String digits) {
		return digits.length() == 9 ? digits.substring(0, 2) + "-" + digits.substring(2) : digits;
	}

	static String withCommas(String dollars) {
		StringBuilder out = new StringBuilder(dollars);
		for (int i = dollars.length() - 3; i > 0; i -= 3) {
			out.insert(i, ',');
		}
		return out.toString();
	}
}
