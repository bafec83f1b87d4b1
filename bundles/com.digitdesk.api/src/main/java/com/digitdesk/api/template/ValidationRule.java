package com.digitdesk.api.template;

import java.util.List;
import java.util.Objects;

/**
 * A rule that the values of a page must satisfy, e.g.
 * {@code line9 = line1 + line2 + line3}.
 *
 * @param name unique within its template, shown to clerks when it fails
 * @param target the field whose value the rule checks
 * @param operation how the operands combine
 * @param operands the fields combined
 */
public record ValidationRule(String name, String target, Operation operation, List<String> operands) {

	public ValidationRule {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(operation, "operation");
		operands = List.copyOf(operands);
		if (operands.isEmpty()) {
			throw new IllegalArgumentException("rule " + name + " has no operands");
		}
	}

	/** The arithmetic a rule checks. */
	public enum Operation {
		/** target = sum of operands */
		SUM,
		/** target = first operand - sum of the others, not below zero */
		DIFFERENCE
	}
}
