package com.digitdesk.api.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule that the values of a page must satisfy, e.g.
 * {@code line9 = line1 + line2 + line3} or {@code box4 = 6.2% of box3}.
 *
 * @param name unique within its template, shown to clerks when it fails
 * @param target the field whose value the rule checks
 * @param operation how the operands combine
 * @param operands the fields combined
 * @param percent for {@link Operation#PERCENT}, the rate in percent; else 0
 */
public record ValidationRule(String name, String target, Operation operation, List<String> operands,
		double percent) {

	public ValidationRule {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(operation, "operation");
		operands = List.copyOf(operands);
		if (operands.isEmpty()) {
			throw new IllegalArgumentException("rule " + name + " has no operands");
		}
		if (operation == Operation.PERCENT && (operands.size() != 1 || !(percent > 0))) {
			throw new IllegalArgumentException("rule " + name + " takes a percent above 0 of exactly one operand");
		}
		if (operation != Operation.PERCENT && percent != 0) {
			throw new IllegalArgumentException("rule " + name + ": only a percent rule has a percent");
		}
	}

	/** A sum or difference rule. */
	public ValidationRule(String name, String target, Operation operation, List<String> operands) {
		this(name, target, operation, operands, 0);
	}

	/**
	 * What the target should be, in cents.
	 *
	 * @param cents the operands' values in cents (an empty field is 0)
	 */
	public long expectedCents(Map<String, Long> cents) {
		return switch (operation) {
		case SUM -> operands.stream().mapToLong(cents::get).sum();
		case DIFFERENCE -> Math.max(0, cents.get(operands.get(0)) - operands.stream().skip(1).mapToLong(cents::get).sum());
		case PERCENT -> BigDecimal.valueOf(cents.get(operands.get(0))).multiply(BigDecimal.valueOf(percent))
				.movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
		};
	}

	/** The arithmetic a rule checks. */
	public enum Operation {
		/** target = sum of operands */
		SUM,
		/** target = first operand - sum of the others, not below zero */
		DIFFERENCE,
		/**
		 * target = the operand times {@link ValidationRule#percent()} / 100,
		 * rounded half up to the cent: a tax withheld at a fixed rate
		 */
		PERCENT
	}
}
