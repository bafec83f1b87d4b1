package com.digitdesk.route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.digitdesk.api.template.Amount;
import com.digitdesk.api.template.ValidationRule;

/** Checks a template rule on amounts counted in cents. */
final class AmountRule {

	private AmountRule() {
	}

	/**
	 * The cents of a normalized amount: "" is 0; empty when it is no amount
	 * (a '?' digit, no cents separator, not exactly two cent digits).
	 */
	static OptionalLong cents(String value) {
		return Amount.parse(value).map(amount -> OptionalLong.of(amount.cents())).orElse(OptionalLong.empty());
	}

	/** True when the rule holds for these cents by field name. */
	static boolean holds(ValidationRule rule, Map<String, Long> cents) {
		return cents.get(rule.target()) == rule.expectedCents(cents);
	}

	/** True when the rule holds for these normalized values by field name; false when one is no amount. */
	static boolean holdsForValues(ValidationRule rule, Map<String, String> values) {
		return cents(values).map(cents -> holds(rule, cents)).orElse(false);
	}

	/** The cents of normalized values by their keys; empty when one is no amount. */
	static <K> Optional<Map<K, Long>> cents(Map<K, String> values) {
		Map<K, Long> cents = new HashMap<>();
		for (Map.Entry<K, String> value : values.entrySet()) {
			OptionalLong amount = cents(value.getValue());
			if (amount.isEmpty()) {
				return Optional.empty();
			}
			cents.put(value.getKey(), amount.getAsLong());
		}
		return Optional.of(cents);
	}

	/**
	 * The value of field {@code unknown} that makes the rule hold, given the
	 * others; empty when there is none or no single one.
	 */
	static OptionalLong solve(ValidationRule rule, String unknown, Map<String, Long> known) {
		OptionalLong result = solveSigned(rule, unknown, known);
		return result.isPresent() && result.getAsLong() >= 0 ? result : OptionalLong.empty();
	}

	/**
	 * Whether no value of field {@code unknown} makes the rule hold, given
	 * the others: it would have to be negative.
	 */
	static boolean unsolvable(ValidationRule rule, String unknown, Map<String, Long> known) {
		OptionalLong result = solveSigned(rule, unknown, known);
		return result.isPresent() && result.getAsLong() < 0;
	}

	/** As {@link #solve}, negative values included. */
	private static OptionalLong solveSigned(ValidationRule rule, String unknown, Map<String, Long> known) {
		List<String> operands = rule.operands();
		long result;
		if (rule.target().equals(unknown)) {
			Map<String, Long> all = new HashMap<>(known);
			all.put(unknown, 0L);
			result = rule.expectedCents(all);
		} else if (rule.operation() == ValidationRule.Operation.PERCENT) {
			// Many operands round to the same tax: the target does not tell which.
			return OptionalLong.empty();
		} else if (rule.operation() == ValidationRule.Operation.SUM) {
			result = known.get(rule.target()) - operands.stream().filter(o -> !o.equals(unknown)).mapToLong(known::get).sum();
		} else {
			long target = known.get(rule.target());
			if (target == 0) {
				return OptionalLong.empty();
			}
			long rest = operands.stream().skip(1).filter(o -> !o.equals(unknown)).mapToLong(known::get).sum();
			result = operands.get(0).equals(unknown) ? target + rest : known.get(operands.get(0)) - target - rest;
		}
		return OptionalLong.of(result);
	}

	static String format(long cents) {
		return Amount.spell(cents);
	}
}
