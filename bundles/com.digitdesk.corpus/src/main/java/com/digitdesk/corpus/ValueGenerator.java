package com.digitdesk.corpus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.digitdesk.api.template.DocumentRule;
import com.digitdesk.api.template.FieldKind;
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
	/** How many forms with plain amount boxes are filled in whole dollars. */
	static final double WHOLE_DOLLAR_FORMS = 0.4;

	private ValueGenerator() {
	}

	static Map<String, String> values(FormTemplate template, Random random) {
		Map<String, String> values = new LinkedHashMap<>();
		for (FieldSpec field : template.fields()) {
			values.put(field.name(), value(field, random));
		}
		applyRules(template, values);
		return values;
	}

	/**
	 * Values as people fill in forms with plain boxes: on some forms every
	 * amount in whole dollars (cents "00" unless a rule gives cents), a ZIP
	 * code of 5 digits, an EIN of 9, a year as a year, other numbers of 2
	 * digits up to their {@code maxDigits}.
	 */
	static Map<String, String> writtenValues(FormTemplate template, Random random) {
		boolean wholeDollars = random.nextDouble() < WHOLE_DOLLAR_FORMS;
		Map<String, String> values = new LinkedHashMap<>();
		for (FieldSpec field : template.fields()) {
			String value = value(field, random);
			if (field.kind() == FieldKind.AMOUNT && wholeDollars && !value.isEmpty()) {
				value = value.substring(0, value.indexOf('.')) + ".00";
			} else if (field.kind() == FieldKind.NUMBER && !value.isEmpty()) {
				int count = switch (field.name()) {
				case "zip" -> 5;
				case "ein" -> 9;
				default -> field.maxDigits() < 2 ? value.length() : 2 + random.nextInt(field.maxDigits() - 1);
				};
				value = digits(count, random);
			} else if (field.name().equals("year") && field.cells() == 4 && !value.isEmpty()) {
				value = String.valueOf(1990 + random.nextInt(36));
			}
			values.put(field.name(), value);
		}
		applyRules(template, values);
		return values;
	}

	/**
	 * Fits the values drawn for page {@code index} of a document to the rules
	 * that its earlier pages declare on it: a return's W-2s carry the 1040's
	 * SSN, and their box 1 add up to its line 1 (each keeps what it drew while
	 * that fits, the last one takes the rest).
	 *
	 * @param earlier the values of the pages before {@code index}
	 */
	static void fitToDocument(List<FormTemplate> pages, List<Map<String, String>> earlier, int index,
			Map<String, String> values) {
		String id = pages.get(index).id();
		for (int i = 0; i < index; i++) {
			for (DocumentRule rule : pages.get(i).documentRules()) {
				if (!rule.template().equals(id)) {
					continue;
				}
				String target = earlier.get(i).get(rule.target());
				values.put(rule.field(), switch (rule.operation()) {
				case SAME -> target;
				case SUM -> share(target, pages, earlier, i, index, rule.field(), values.getOrDefault(rule.field(), ""));
				});
			}
		}
		applyRules(pages.get(index), values);
	}

	/**
	 * Page {@code index}'s part of the total on page {@code head}: what it
	 * drew while that fits in what the pages between left, all that is left
	 * if no later page of its template follows.
	 */
	private static String share(String total, List<FormTemplate> pages, List<Map<String, String>> earlier, int head,
			int index, String field, String drawn) {
		if (total.isEmpty()) {
			return "";
		}
		String id = pages.get(index).id();
		long rest = Amounts.cents(total);
		for (int j = head + 1; j < index; j++) {
			if (pages.get(j).id().equals(id)) {
				rest -= Amounts.cents(earlier.get(j).getOrDefault(field, ""));
			}
		}
		boolean last = pages.subList(index + 1, pages.size()).stream().noneMatch(t -> t.id().equals(id));
		return Amounts.format(last ? rest : Math.min(Amounts.cents(drawn), rest));
	}

	private static void applyRules(FormTemplate template, Map<String, String> values) {
		for (ValidationRule rule : template.rules()) {
			boolean nothingToTake = rule.operation() == ValidationRule.Operation.PERCENT
					&& values.getOrDefault(rule.operands().get(0), "").isEmpty();
			values.put(rule.target(), nothingToTake ? "" : Amounts.format(evaluate(rule, values)));
		}
	}

	private static String value(FieldSpec field, Random random) {
		return switch (field.kind()) {
		case SSN -> (char) ('0' + random.nextInt(9)) + digits(8, random);
		case DIGITS -> random.nextDouble() < EMPTY_CELLS ? "" : digits(field.cells(), random);
		case DATE -> random.nextDouble() < EMPTY_CELLS ? "" : date(random);
		case AMOUNT -> random.nextDouble() < EMPTY_AMOUNT ? "" : amount(random);
		case NUMBER -> random.nextDouble() < EMPTY_CELLS ? ""
				: digits(field.maxDigits() == 0 ? 1 + random.nextInt(10) : 1 + random.nextInt(field.maxDigits()), random);
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
