package com.digitdesk.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;

/**
 * Finds a subcommand among those the bundles registered, by its
 * {@value Subcommand#NAME} property, and runs it. Used by the launcher's main
 * thread and by the Gogo shell, each with the commands its component holds.
 */
final class CommandDispatcher {

	/** A registered command with its word. */
	record Command(String name, Subcommand command) {
	}

	/** How long to wait for a command whose bundle is still starting. */
	long waitForCommandMillis = 2_000;

	private final Supplier<? extends Collection<Map.Entry<Map<String, Object>, Subcommand>>> registered;

	/** @param registered the Subcommand services with their properties, as they are now */
	CommandDispatcher(Supplier<? extends Collection<Map.Entry<Map<String, Object>, Subcommand>>> registered) {
		this.registered = registered;
	}

	/**
	 * Runs {@code arguments[0]} with the remaining arguments.
	 *
	 * @return the exit status
	 */
	public int dispatch(List<String> arguments, PrintStream out, PrintStream err, boolean interactive) {
		if (arguments.isEmpty() || isHelp(arguments.get(0)) || arguments.get(0).equals("help")) {
			if (arguments.size() > 1 && arguments.get(0).equals("help")) {
				return dispatch(List.of(arguments.get(1), "--help"), out, err, interactive);
			}
			out.print(help());
			return 0;
		}
		String name = arguments.get(0);
		Optional<Command> command = await(name);
		if (command.isEmpty()) {
			err.println("digitdesk: unknown command '" + name + "'");
			err.print(help());
			return 2;
		}
		List<String> rest = arguments.subList(1, arguments.size());
		if (rest.size() == 1 && isHelp(rest.get(0))) {
			String usage = command.get().command().usage();
			out.println(usage == null || usage.isBlank() ? "usage: digitdesk " + name : usage);
			return 0;
		}
		CommandContext context = new CommandContext(rest, out, err, Path.of("").toAbsolutePath(), interactive);
		try {
			return command.get().command().run(context);
		} catch (Exception | LinkageError e) {
			err.println("digitdesk " + name + ": failed: " + e);
			e.printStackTrace(err);
			return 1;
		}
	}

	/** The list of commands, as {@code digitdesk --help} prints it. */
	public String help() {
		StringBuilder text = new StringBuilder("usage: digitdesk COMMAND [ARGUMENTS]\n\ncommands:\n");
		List<Command> sorted = sorted();
		int width = sorted.stream().mapToInt(c -> c.name().length()).max().orElse(4);
		for (Command command : sorted) {
			text.append(String.format("  %-" + width + "s  %s%n", command.name(), command.command().summary()));
		}
		text.append("\n'digitdesk COMMAND --help' describes one command.\n");
		return text.toString();
	}

	/** The commands that have a word, sorted by it. */
	List<Command> sorted() {
		return registered.get().stream()
				.filter(entry -> entry.getKey().get(Subcommand.NAME) instanceof String name && !name.isBlank())
				.map(entry -> new Command((String) entry.getKey().get(Subcommand.NAME), entry.getValue()))
				.sorted(Comparator.comparing(Command::name)).toList();
	}

	Optional<Command> find(String name) {
		return sorted().stream().filter(c -> c.name().equals(name)).findFirst();
	}

	private Optional<Command> await(String name) {
		long deadline = System.nanoTime() + waitForCommandMillis * 1_000_000;
		Optional<Command> command = find(name);
		while (command.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			command = find(name);
		}
		return command;
	}

	private static boolean isHelp(String argument) {
		return argument.equals("--help") || argument.equals("-h");
	}
}
