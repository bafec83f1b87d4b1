package com.digitdesk.corpus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.ValidationRule;

/**
 * Plausible values for the fields of a form, in the normalized form of the
 * ground truth (digits only; amounts "1234.56"; dates MMDDYYYY; "" when the
 * field is left empty), consistent with the template's rules.
 */
final class ValueGenerator {

	/** How often an optional field is left empty. */
	static final double EMPTY_AMOUNT = 0.2;
	static final double EMPTY_CELLS = 0.06;

	private ValueGenerator() {
	}

	static Map<String, String> values(FormTemplate template, Random random) {
		Map<String, String> values = new LinkedHashMap<>();
		for (FieldSpec field : template.fields()) {
			values.put(field.name(), value(field, random));
		}
		for (ValidationRule rule : template.rules()) {
			boolean nothingToTake = rule.operation() == ValidationRule.Operation.PERCENT
					&& values.getOrDefault(rule.operands().get(0), "").isEmpty();
			values.put(rule.target(), nothingToTake ? "" : Amounts.format(evaluate(rule, values)));
		}
		return values;
	}

	private static String value(FieldSpec field, Random random) {
		return switch (field.kind()) {
		case SSN -> (char) ('0' + random.nextInt(9)) + digits(8, random);
		case DIGITS -> random.nextDouble() < EMPTY_CELLS ? "" : digits(field.cells(), random);
		case DATE -> random.nextDouble() < EMPTY_CELLS ? "" : date(random);
		case AMOUNT -> random.nextDouble() < EMPTY_AMOUNT ? "" : amount(random);
		};
	}

	private static String digits(int count, Random random) {
		StringBuilder digits = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		return digits.toString();
	}

	private static String date(Random random) {
		int month = 1 + random.nextInt(12);
		int day = 1 + random.nextInt(28);
		int year = 2024 + random.nextInt(3);
		return String.format("%02d%02d%04d", month, day, year);
	}

	/** Dollars of 1 to 5 digits, spread evenly over the digit counts, and cents. */
	private static String amount(Random random) {
		int digits = 1 + random.nextInt(5);
		long low = digits == 1 ? 0 : (long) Math.pow(10, digits - 1);
		long dollars = low + (long) (random.nextDouble() * (Math.pow(10, digits) - low));
		return Amounts.format(dollars * 100 + random.nextInt(100));
	}

	private static long evaluate(ValidationRule rule, Map<String, String> values) {
		Map<String, Long> cents = new HashMap<>();
		rule.operands().forEach(operand -> cents.put(operand, Amounts.cents(values.getOrDefault(operand, ""))));
		return rule.expectedCents(cents);
	}
}
