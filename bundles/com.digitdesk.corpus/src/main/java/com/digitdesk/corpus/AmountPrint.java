package com.digitdesk.corpus;

import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;

/**
 * Where the first test designs print the parts of an amount box: a dollar
 * sign in its left {@value #DOLLAR_SIGN_WIDTH} box heights, a cents divider
 * {@value #CENTS_WIDTH} box heights from its right edge, unless the template
 * states the divider.
 */
record AmountPrint(TemplateBox box, TemplateBox dollarSign, double centsDivider) {

	/** Width of the dollar-sign part of an amount, in box heights. */
	static final double DOLLAR_SIGN_WIDTH = 0.6;
	/** Width of the cents part of an amount, in box heights. */
	static final double CENTS_WIDTH = 1.6;

	static AmountPrint of(FieldSpec field) {
		TemplateBox box = field.box();
		return new AmountPrint(box, new TemplateBox(box.x(), box.y(), DOLLAR_SIGN_WIDTH * box.height(), box.height()),
				field.centsDivider().orElse(box.right() - CENTS_WIDTH * box.height()));
	}

	/** Where the dollars are written: between the dollar sign and the cents divider. */
	TemplateBox dollars() {
		double left = dollarSign.right();
		return new TemplateBox(left, box.y(), centsDivider - left, box.height());
	}

	/** Where the two cent digits are written: right of the cents divider. */
	TemplateBox cents() {
		return new TemplateBox(centsDivider, box.y(), box.right() - centsDivider, box.height());
	}
}
