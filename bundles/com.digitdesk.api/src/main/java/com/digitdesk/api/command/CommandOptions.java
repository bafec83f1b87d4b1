package com.digitdesk.api.command;

import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The arguments of a subcommand: {@code --name value} options, {@code --flag}
 * switches and positional words (anything not starting with {@code --}),
 * checked against what the command knows.
 */
public final class CommandOptions {

	private final Map<String, String> values = new HashMap<>();
	private final Set<String> flags = new HashSet<>();
	private final List<String> positional = new ArrayList<>();

	private CommandOptions() {
	}

	/**
	 * @param withValue options that take a value
	 * @param flagNames options that take none
	 * @throws IllegalArgumentException for an unknown option or a missing value
	 */
	public static CommandOptions parse(List<String> arguments, Set<String> withValue, Set<String> flagNames) {
		CommandOptions options = new CommandOptions();
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (flagNames.contains(argument)) {
				options.flags.add(argument);
			} else if (withValue.contains(argument)) {
				if (i + 1 >= arguments.size()) {
					throw new IllegalArgumentException(argument + " needs a value");
				}
				options.values.put(argument, arguments.get(++i));
			} else if (!argument.startsWith("--")) {
				options.positional.add(argument);
			} else {
				throw new IllegalArgumentException("unknown option " + argument);
			}
		}
		return options;
	}

	/** The words that are no option, in order. */
	public List<String> positional() {
		return List.copyOf(positional);
	}

	/**
	 * For commands that take options only.
	 *
	 * @throws IllegalArgumentException naming the first positional word
	 */
	public CommandOptions withoutPositional() {
		if (!positional.isEmpty()) {
			throw new IllegalArgumentException("unexpected argument " + positional.get(0));
		}
		return this;
	}

	public boolean has(String flag) {
		return flags.contains(flag);
	}

	public String get(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	public int getInt(String name, int fallback) {
		return parsed(name, fallback, Integer::parseInt, "a whole number");
	}

	public long getLong(String name, long fallback) {
		return parsed(name, fallback, Long::parseLong, "a whole number");
	}

	public double getDouble(String name, double fallback) {
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
