package com.digitdesk.route;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.digitdesk.api.reading.ReadField;

/**
 * The fields of a failed rule that one misreading could have put wrong,
 * whatever the network thought of its digits: a digit read as another, two
 * touching digits read as one (or a digit lost), one digit broken in two (or
 * a speck read as a digit), a point seen where none was written (a speck
 * before the last two dollar digits) or one missed before the cents. A field
 * that no such misreading brings in line with the others as read is right
 * unless two fields are wrong, which is far
 * rarer: when no misreading stands out as the likeliest, only these fields
 * wait for a clerk. None means more than one misreading: every field waits.
 */
final class OneMisreadingSuspects {

	private OneMisreadingSuspects() {
	}

	/**
	 * @param fields the fields of a failed rule (all read as amounts), by key
	 * @param holds whether the rule holds with these amounts in cents, by key
	 * @return the keys of the suspects, in the order of {@code fields}
	 */
	static <K> List<K> of(Map<K, ReadField> fields, Predicate<Map<K, Long>> holds) {
		Map<K, Long> cents = new LinkedHashMap<>();
		fields.forEach((key, field) -> cents.put(key, AmountRule.cents(field.value()).orElseThrow()));
		return fields.keySet().stream()
				.filter(key -> oneMisreadingMakesItHold(cents, key, fields.get(key).value(), holds)).toList();
	}

	/** "one misreading in line2, line9 would explain it, none in the other fields" */
	static String describe(List<String> suspects) {
		return "one misreading in " + String.join(", ", suspects) + " would explain it, none in the other fields";
	}

	private static <K> boolean oneMisreadingMakesItHold(Map<K, Long> cents, K key, String value,
			Predicate<Map<K, Long>> holds) {
		Map<K, Long> trial = new LinkedHashMap<>(cents);
		for (long other : oneMisreadingAway(value.replace(".", ""))) {
			trial.put(key, other);
			if (holds.test(trial)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The amounts (in cents) whose digits differ from {@code digits} by one
	 * misreading. A blank field has none: a missed amount is several glyphs.
	 */
	static Set<Long> oneMisreadingAway(String digits) {
		Set<Long> amounts = new HashSet<>();
		int n = digits.length();
		for (int i = 0; i < n; i++) {
			String before = digits.substring(0, i);
			for (char d = '0'; d <= '9'; d++) {
				// one digit read as another
				amounts.add(parse(before + d + digits.substring(i + 1)));
				// one glyph stood for two digits
				for (char e = '0'; e <= '9'; e++) {
					amounts.add(parse(before + d + e + digits.substring(i + 1)));
				}
				// two glyphs stood for one digit
				if (i + 1 < n) {
					amounts.add(parse(before + d + digits.substring(i + 2)));
				}
			}
			// a glyph was no digit at all
			amounts.add(parse(before + digits.substring(i + 1)));
		}
		if (n > 0) {
			// a point seen where there was none: the "cents" were the last two digits of whole dollars
			amounts.add(parse(digits + "00"));
		}
		if (n > 2 && digits.endsWith("00")) {
			// a point missed: whole dollars ending in 00 were the dollars and cents of "58.00"
			amounts.add(parse(digits.substring(0, n - 2)));
		}
		amounts.remove(parse(digits));
		return amounts;
	}

	private static long parse(String digits) {
		return digits.isEmpty() ? 0 : Long.parseLong(digits);
	}
}
