package com.digitdesk.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;

/**
 * Finds a subcommand among those the bundles registered and runs it. Shared
 * by the launcher's main thread and the Gogo shell.
 */
@Component(service = CommandDispatcher.class)
public class CommandDispatcher {

	/** How long to wait for a command whose bundle is still starting. */
	long waitForCommandMillis = 2_000;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	volatile List<Subcommand> commands = List.of();

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
		Optional<Subcommand> command = await(name);
		if (command.isEmpty()) {
			err.println("digitdesk: unknown command '" + name + "'");
			err.print(help());
			return 2;
		}
		List<String> rest = arguments.subList(1, arguments.size());
		if (rest.size() == 1 && isHelp(rest.get(0))) {
			out.println(command.get().usage());
			return 0;
		}
		CommandContext context = new CommandContext(rest, out, err, Path.of("").toAbsolutePath(), interactive);
		try {
			return command.get().run(context);
		} catch (Exception | LinkageError e) {
			err.println("digitdesk " + name + ": failed: " + e);
			e.printStackTrace(err);
			return 1;
		}
	}

	/** The list of commands, as {@code digitdesk --help} prints it. */
	public String help() {
		StringBuilder text = new StringBuilder("usage: digitdesk COMMAND [ARGUMENTS]\n\ncommands:\n");
		List<Subcommand> sorted = sorted();
		int width = sorted.stream().mapToInt(c -> c.name().length()).max().orElse(4);
		for (Subcommand command : sorted) {
			text.append(String.format("  %-" + width + "s  %s%n", command.name(), command.summary()));
		}
		text.append("\n'digitdesk COMMAND --help' describes one command.\n");
		return text.toString();
	}

	List<Subcommand> sorted() {
		return commands.stream().sorted(Comparator.comparing(Subcommand::name)).toList();
	}

	Optional<Subcommand> find(String name) {
		return commands.stream().filter(c -> c.name().equals(name)).findFirst();
	}

	private Optional<Subcommand> await(String name) {
		long deadline = System.nanoTime() + waitForCommandMillis * 1_000_000;
		Optional<Subcommand> command = find(name);
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
