package com.digitdesk.api.template;

import java.util.Optional;

/**
 * An amount of money in cents, and its normalized spelling, the one the
 * store, the exports and the ground truth use: dollars, a dot, two cent
 * digits ("1234.56", "0.07"); a blank amount ("") counts as zero.
 *
 * @param cents not negative
 */
public record Amount(long cents) {

	/** Longest spelling whose cents fit a long with room to add a few. */
	private static final int MAX_LENGTH = 18;

	public Amount {
		if (cents < 0) {
			throw new IllegalArgumentException("an amount is not negative, was " + cents + " cents");
		}
	}

	/**
	 * The amount a normalized value spells; "" is zero. Empty when it is no
	 * amount: a '?' or other non-digit, no dot, not exactly two cent digits,
	 * too long.
	 */
	public static Optional<Amount> parse(String value) {
		if (value.isEmpty()) {
			return Optional.of(new Amount(0));
		}
		int dot = value.indexOf('.');
		if (dot < 1 || dot != value.length() - 3 || value.length() > MAX_LENGTH
				|| !value.replace(".", "").chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		return Optional.of(new Amount(Long.parseLong(value.replace(".", ""))));
	}

	/** The normalized spelling: "1234.56". */
	public String normalized() {
		return spell(cents);
	}

	/**
	 * Any number of cents spelled like an amount, a sign in front when below
	 * zero ("-12.50"): what a rule's arithmetic gives is not always an amount.
	 */
	public static String spell(long cents) {
		String sign = cents < 0 ? "-" : "";
		long magnitude = Math.abs(cents);
		return String.format("%s%d.%02d", sign, magnitude / 100, magnitude % 100);
	}

	@Override
	public String toString() {
		return normalized();
	}
}
