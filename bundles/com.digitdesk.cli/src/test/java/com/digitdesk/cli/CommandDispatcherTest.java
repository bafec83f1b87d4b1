package com.digitdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;

class CommandDispatcherTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private final List<List<String>> calls = new ArrayList<>();
	private CommandDispatcher dispatcher;

	@BeforeEach
	void registerCommands() {
		List<Map.Entry<Map<String, Object>, Subcommand>> commands = List.of(named("train", new Recording("train", 0)),
				named("eval", new Recording("eval", 3)), named("explode", new Failing()),
				Map.entry(Map.of(), new Recording("nameless", 0)));
		dispatcher = new CommandDispatcher(() -> commands);
		dispatcher.waitForCommandMillis = 0;
	}

	private static Map.Entry<Map<String, Object>, Subcommand> named(String name, Subcommand command) {
		return Map.entry(Map.of(Subcommand.NAME, name), command);
	}

	@Test
	void helpListsCommandsSorted() {
		assertThat(run("--help")).isZero();
		String help = text(out);
		assertThat(help).contains("usage: digitdesk COMMAND");
		assertThat(help.indexOf("  eval")).isLessThan(help.indexOf("  explode")).isLessThan(help.indexOf("  train"));
		assertThat(help).contains("eval     summary of eval").doesNotContain("nameless");
	}

	@Test
	void noArgumentsPrintsHelp() {
		assertThat(run()).isZero();
		assertThat(text(out)).contains("commands:");
	}

	@Test
	void runsTheNamedCommandWithItsArgumentsAndReturnsItsStatus() {
		assertThat(run("eval", "--json", "x")).isEqualTo(3);
		assertThat(calls).containsExactly(List.of("eval", "--json", "x"));
	}

	@Test
	void commandHelpShowsUsageWithoutRunning() {
		assertThat(run("train", "--help")).isZero();
		assertThat(text(out)).contains("usage: digitdesk train");
		assertThat(calls).isEmpty();
		assertThat(run("help", "eval")).isZero();
		assertThat(text(out)).contains("usage: digitdesk eval");
	}

	@Test
	void unknownCommandIsAnErrorThatListsTheKnownOnes() {
		assertThat(run("trian")).isEqualTo(2);
		assertThat(text(err)).contains("unknown command 'trian'").contains("train");
	}

	@Test
	void aFailingCommandExitsNonZeroWithTheReason() {
		assertThat(run("explode")).isEqualTo(1);
		assertThat(text(err)).contains("digitdesk explode: failed: java.lang.IllegalStateException: boom");
	}

	private int run(String... arguments) {
		return dispatcher.dispatch(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), false);
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

	private final class Recording implements Subcommand {
		private final String name;
		private final int status;

		Recording(String name, int status) {
			this.name = name;
			this.status = status;
		}

		@Override
		public String usage() {
			return "";
		}

		@Override
		public String summary() {
			return "summary of " + name;
		}

		@Override
		public int run(CommandContext context) {
			List<String> call = new ArrayList<>();
			call.add(name);
			call.addAll(context.arguments());
			calls.add(call);
			return status;
		}
	}

	private static final class Failing implements Subcommand {
		@Override
		public String usage() {
			return "usage: digitdesk explode";
		}

		@Override
		public String summary() {
			return "always fails";
		}

		@Override
		public int run(CommandContext context) {
			throw new IllegalStateException("boom");
		}
	}
}
