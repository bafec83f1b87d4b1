package com.digitdesk.api.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a subcommand runs with.
 *
 * @param arguments the words after the subcommand's name
 * @param out normal output (results, JSON)
 * @param err diagnostics and progress
 * @param workingDirectory where relative paths are resolved
 * @param interactive true when output goes to a terminal (progress bars, colours)
 */
public record CommandContext(List<String> arguments, PrintStream out, PrintStream err, Path workingDirectory,
		boolean interactive) {

	public CommandContext {
		arguments = List.copyOf(arguments);
		Objects.requireNonNull(out, "out");
		Objects.requireNonNull(err, "err");
		Objects.requireNonNull(workingDirectory, "workingDirectory");
	}

	/** Resolves a path argument against the working directory. */
	public Path resolve(String path) {
		return workingDirectory.resolve(path).normalize();
	}
}
