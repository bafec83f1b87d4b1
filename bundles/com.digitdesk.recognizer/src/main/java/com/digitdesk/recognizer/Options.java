package com.digitdesk.recognizer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
		String value = values.get(name);
		try {
			return value == null ? fallback : Integer.parseInt(value);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " needs a whole number, not " + value);
		}
	}

	long getLong(String name, long fallback) {
		String value = values.get(name);
		try {
			return value == null ? fallback : Long.parseLong(value);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " needs a whole number, not " + value);
		}
	}

	double getDouble(String name, double fallback) {
		String value = values.get(name);
		try {
			return value == null ? fallback : Double.parseDouble(value);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " needs a number, not " + value);
		}
	}
}
