package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;

/**
 * The exported importer jar run as operators run it: a child process of its
 * own, with its own data directory and its own temporary directory (where the
 * launcher puts each run's framework storage).
 */
final class ImporterProcesses {

	private final Path jar;
	final Path dataDirectory;
	final Path temporary;

	ImporterProcesses(BundleContext context, Path work) throws IOException {
		this(context, work, "digitdesk.importer.jar");
	}

	/** @param jarProperty the framework property naming the exported runtime: the importer's or the workstation's */
	ImporterProcesses(BundleContext context, Path work, String jarProperty) throws IOException {
		jar = Path.of(context.getProperty(jarProperty));
		assertThat(jar).as("the exported runtime (mvn package in workspace/)").exists();
		dataDirectory = work.resolve("data");
		temporary = Files.createDirectories(work.resolve("tmp"));
	}

	/** The command line that runs {@code digitdesk ARGUMENTS...}, logging errors only. */
	List<String> command(String... arguments) {
		// headless: a window test may have left DISPLAY naming its virtual display, gone by now, and the
		// reader draws printed marks with Java 2D (SWT does not use it)
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Djava.awt.headless=true",
				"-Dorg.ops4j.pax.logging.DefaultServiceLog.level=ERROR", "-Ddigitdesk.data=" + dataDirectory,
				"-Djava.io.tmpdir=" + temporary, "-jar", jar.toString()));
		command.addAll(List.of(arguments));
		return command;
	}

	/** Starts {@code digitdesk ARGUMENTS...} with standard output and error to files. */
	Process start(Path out, Path err, String... arguments) throws IOException {
		return new ProcessBuilder(command(arguments)).redirectOutput(out.toFile()).redirectError(err.toFile())
				.start();
	}
}
