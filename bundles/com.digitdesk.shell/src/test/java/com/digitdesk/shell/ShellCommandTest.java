package com.digitdesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.digitdesk.api.command.CommandContext;

/** Runs the command against a real Gogo command processor, with a recording 'gosh'. */
class ShellCommandTest {

	private final ThreadIOImpl threadIO = new ThreadIOImpl();
	private final List<List<String>> goshCalls = new ArrayList<>();
	private CommandProcessorImpl processor;

	@BeforeEach
	void startGogo() {
		threadIO.start();
		processor = new CommandProcessorImpl(threadIO);
		processor.addCommand("gogo", new Object() {
			@SuppressWarnings("unused")
			public void gosh(String[] arguments) {
				goshCalls.add(List.of(arguments));
			}
		}, "gosh");
	}

	@AfterEach
	void stopGogo() {
		threadIO.stop();
	}

	@Test
	void opensAnInteractiveLoginShellThatKeepsTheFrameworkRunning() throws Exception {
		int status = new ShellCommand(processor).run(context(List.of()));
		assertThat(status).isZero();
		assertThat(goshCalls).containsExactly(List.of("--login", "--noshutdown"));
	}

	@Test
	void refusesArguments() throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new ShellCommand(processor).run(new CommandContext(List.of("x"), System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8), Path.of("."), false));
		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("shell takes no arguments");
		assertThat(goshCalls).isEmpty();
	}

	private static CommandContext context(List<String> arguments) {
		return new CommandContext(arguments, System.out, System.err, Path.of("."), false);
	}
}
