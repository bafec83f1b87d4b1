package com.digitdesk.api.template;

import java.util.Objects;

/**
 * A rule between a page and the other pages of its document (a return: a
 * Form 1040 page with its W-2s), e.g. "each W-2's employee SSN is the
 * 1040's SSN" or "line 1 is the sum of the W-2s' box 1". When it holds, the
 * fields it ties were read right and need less confidence. A {@code SAME}
 * rule that does not hold is no reason to hold anything back (a spouse's
 * W-2 carries another SSN), unless the values differ in only a digit or
 * two: then one of them is misread. A {@code SUM} rule that does not hold
 * sends its fields to review (a digit misread, or a W-2 missing from the
 * return), or only the one field that explains the difference.
 *
 * @param name shown to explain a confirmation
 * @param target a field of the page the rule belongs to
 * @param operation how the other pages' fields relate to the target
 * @param template the template of the other pages
 * @param field the field on those pages
 */
public record DocumentRule(String name, String target, Operation operation, String template, String field) {

	public DocumentRule {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(template, "template");
		Objects.requireNonNull(field, "field");
	}

	/** How the other pages' fields relate to the target. */
	public enum Operation {
		/** each page of the template has the target's value in the field */
		SAME,
		/** the target (an amount) is the sum of the field over the pages of the template */
		SUM
	}
}
