package com.digitdesk.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A stock OSGi framework that DigitDesk did not build, run as a separate process the way an admin runs
 * it, driven through its own Gogo shell on standard input: each command is followed by an {@code echo} of
 * a marker, and its answer is what the shell printed before the marker.
 */
final class StockFramework implements AutoCloseable {

	/** A bundle as the shell's {@code lb} lists it. */
	record Listed(long id, String state, String name, String version) {
	}

	private static final Pattern LB_ROW = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|\\s*\\d+\\|(.*)\\|(\\S+)\\s*$");

	private final Process process;
	private final Path out;
	private final OutputStream shell;
	private int markers;

	private StockFramework(Process process, Path out) {
		this.process = process;
		this.out = out;
		this.shell = process.getOutputStream();
	}

	/** Starts {@code command} in {@code home}; standard output and error to files beside it. */
	static StockFramework start(Path home, List<String> command) throws IOException {
		Path out = home.resolve("framework.out");
		Process process = new ProcessBuilder(command).directory(home.toFile()).redirectOutput(out.toFile())
				.redirectError(home.resolve("framework.err").toFile()).start();
		return new StockFramework(process, out);
	}

	long pid() {
		return process.pid();
	}

	boolean alive() {
		return process.isAlive();
	}

	/** Runs one shell command and returns what it printed. */
	synchronized String shell(String command, Duration within) throws IOException, InterruptedException {
		String marker = "__digitdesk_done_" + (++markers) + "__";
		int from = Files.readString(out, StandardCharsets.UTF_8).length();
		shell.write((command + "\necho " + marker + "\n").getBytes(StandardCharsets.UTF_8));
		shell.flush();
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			String printed = Files.readString(out, StandardCharsets.UTF_8);
			int end = printed.indexOf(marker + "\n", from);
			// the shell echoes nothing it reads on a dumb terminal: the marker printed is echo's answer
			if (end >= 0) {
				return printed.substring(Math.min(from, end), end);
			}
			if (!process.isAlive()) {
				throw new AssertionError("the framework ended while running " + command + ":\n" + printed.substring(from));
			}
			Thread.sleep(100);
		}
		throw new AssertionError(command + " did not finish within " + within.toSeconds() + " s:\n"
				+ Files.readString(out, StandardCharsets.UTF_8).substring(from));
	}

	/** The bundles {@code lb} lists, by symbolic-name-ish display name. */
	List<Listed> bundles() throws IOException, InterruptedException {
		List<Listed> listed = new ArrayList<>();
		for (String line : shell("lb -s", Duration.ofSeconds(30)).split("\n")) {
			Matcher row = LB_ROW.matcher(line.replace("g! ", ""));
			if (row.matches()) {
				// lb -s: "com.digitdesk.api (0.1.0.SNAPSHOT)"
				String name = row.group(3).strip().replaceAll(" \\(.*\\)$", "");
				listed.add(new Listed(Long.parseLong(row.group(1)), row.group(2), name, row.group(4)));
			}
		}
		return listed;
	}

	/** Waits until the listed bundles satisfy {@code condition}; the last listing. */
	List<Listed> awaitBundles(Predicate<List<Listed>> condition, Duration within, String what) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		List<Listed> last = List.of();
		while (System.nanoTime() < deadline) {
			last = bundles();
			if (condition.test(last)) {
				return last;
			}
			Thread.sleep(1_000);
		}
		throw new AssertionError("not within " + within.toSeconds() + " s: " + what + "; bundles: " + last);
	}

	/** What {@code jcmd PID COMMAND} prints of this framework's JVM. */
	String jcmd(String... command) throws IOException, InterruptedException {
		Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
		List<String> line = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), Long.toString(pid())));
		line.addAll(List.of(command));
		Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try (InputStream in = jcmd.getInputStream()) {
			in.transferTo(printed);
		}
		jcmd.waitFor(60, TimeUnit.SECONDS);
		return printed.toString(StandardCharsets.UTF_8);
	}

	/** The names of the framework's live threads. */
	List<String> threads() throws IOException, InterruptedException {
		List<String> names = new ArrayList<>();
		for (String line : jcmd("Thread.print").split("\n")) {
			if (line.startsWith("\"")) {
				names.add(line.substring(1, line.indexOf('"', 1)));
			}
		}
		return names;
	}

	/**
	 * The names of the classes loaded in the framework's JVM after a full collection, which unloads the
	 * classes of every class loader no longer reachable ({@code jcmd GC.run}, then {@code VM.classloaders}).
	 */
	Set<String> loadedClasses() throws IOException, InterruptedException {
		jcmd("GC.run");
		Set<String> loaded = new HashSet<>();
		for (String line : jcmd("VM.classloaders", "show-classes=true").split("\n")) {
			String[] words = line.strip().split("\\s+");
			loaded.add(words[words.length - 1]);
		}
		return loaded;
	}

	@Override
	public void close() throws Exception {
		try {
			shell.write("stop 0\n".getBytes(StandardCharsets.UTF_8));
			shell.flush();
		} catch (IOException e) {
			// already gone
		}
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** Unpacks a zip into {@code target}. */
	static void unzip(Path zip, Path target) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("an entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				} else {
					Files.createDirectories(path.getParent());
					Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/** Copies a folder's files (not its subfolders) into another. */
	static void copyFolder(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (var files = Files.list(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** Removes a folder and all in it. */
	static void delete(Path folder) throws IOException {
		try (var paths = Files.walk(folder)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * A newer build of a bundle: the same jar with {@code Bundle-Version} set to {@code version}, written
	 * whole beside {@code jar} and moved over it in one step (what FileInstall sees: a changed file).
	 */
	static void newerBuild(Path jar, String version) throws IOException {
		Path newer = jar.resolveSibling(jar.getFileName() + ".new");
		try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
			Manifest manifest = new Manifest(in.getManifest());
			manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
			try (JarOutputStream target = new JarOutputStream(Files.newOutputStream(newer), manifest)) {
				for (JarEntry entry; (entry = in.getNextJarEntry()) != null;) {
					target.putNextEntry(new JarEntry(entry.getName()));
					in.transferTo(target);
					target.closeEntry();
				}
			}
		}
		Files.move(newer, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
