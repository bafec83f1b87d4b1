package com.digitdesk.recognizer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code --name value} and {@code --flag} arguments of a command, checked against what it knows. */
final class Options {

	private final Map<String, String> values = new HashMap<>();
	private final Set<String> flags = new HashSet<>();

	private Options() {
	}

	/**
	 * @param withValue options that take a value
	 * @param flagNames options that take none
	 * @throws IllegalArgumentException for an unknown option or a missing value
	 */
	static Options parse(List<String> arguments, Set<String> withValue, Set<String> flagNames) {
		Options options = new Options();
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (flagNames.contains(argument)) {
				options.flags.add(argument);
			} else if (withValue.contains(argument)) {
				if (i + 1 >= arguments.size()) {
					throw new IllegalArgumentException(argument + " needs a value");
				}
				options.values.put(argument, arguments.get(++i));
			} else {
				throw new IllegalArgumentException("unknown argument " + argument);
			}
		}
		return options;
	}

	boolean has(String flag) {
		return flags.contains(flag);
	}

	String get(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	int getInt(String name, int fallback) {
		return parsed(name, fallback, Integer::parseInt, "a whole number");
	}

	long getLong(String name, long fallback) {
		return parsed(name, fallback, Long::parseLong, "a whole number");
	}

	double getDouble(String name, double fallback) {
		return parsed(name, fallback, Double::parseDouble, "a number");
	}

	private <T> T parsed(String name, T fallback, Function<String, T> parser, String what) {
		String value = values.get(name);
		try {
			return value == null ? fallback : parser.apply(value);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " needs " + what + ", not " + value);
		}
	}
}
