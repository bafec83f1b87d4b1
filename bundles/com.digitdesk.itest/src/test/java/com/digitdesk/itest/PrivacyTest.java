package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.store.ResultStores;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tax data stays with its owner. An import run as operators run it (the
 * exported importer jar in a child process) with every logger at DEBUG
 * writes no value of any field into its log, and leaves the data directory
 * readable by its owner only; a PostgreSQL password shows in no log, no
 * error message and not in {@code status}.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class PrivacyTest {

	static final String POSTGRES_VARIABLE = "DIGITDESK_TEST_POSTGRES_URL";
	static final String STORE_PID = "com.digitdesk.store";
	/** The PostgreSQL tests' own schema, so that they leave the database's default schema alone. */
	static final String SCHEMA = "digitdesk_privacy_test";


	@InjectBundleContext
	static BundleContext context;

	@TempDir
	Path work;

	/**
	 * {@code ./digitdesk import} without PATH (it generates the sample
	 * archive in the data directory, then imports it into the embedded store
	 * there) and {@code export}, everything logged at DEBUG. Every value the
	 * store holds, every proposal and every true value of the archive is
	 * looked for in what the runs logged.
	 */
	@Test
	void anImportLoggedAtDebugLeavesNoValueInTheLogsAndKeepsTheDataDirectoryPrivate() throws Exception {
		Path data = work.resolve("data");
		Child child = new Child(work, data);
		assertThat(child.run("import")).as("import; its log: %s", child.logFile).isZero();
		ByteArrayOutputStream export = new ByteArrayOutputStream();
		assertThat(child.run(export, "export", "--format", "json")).isZero();
		String logs = child.logs();

		// the runs did log at DEBUG, so a value logged at any level up to it would be here
		assertThat(logs).contains("DEBUG com.zaxxer.hikari.HikariConfig", "DEBUG com.digitdesk.",
				"DEBUG com.zaxxer.hikari.pool.PoolBase");

		Set<String> values = new HashSet<>();
		JsonNode rows = ImportTest.JSON.readTree(export.toString(StandardCharsets.UTF_8));
		assertThat(rows.size()).as("fields exported").isGreaterThan(200);
		for (JsonNode row : rows) {
			values.add(row.path("value").asText(""));
			values.add(row.path("proposal").asText(""));
		}
		try (Stream<Path> truths = Files.list(data.resolve("sample-archive"))) {
			for (Path truth : truths.filter(p -> p.toString().endsWith(".json")).toList()) {
				for (JsonNode page : ImportTest.JSON.readTree(truth.toFile()).path("pages")) {
					page.path("fields").forEach(value -> values.add(value.asText()));
				}
			}
		}
		values.removeIf(value -> value.length() < 4);
		assertThat(values).as("SSNs, EINs, ZIP codes, amounts, dates").hasSizeGreaterThan(150);
		assertThat(leaks(logs, values)).as("values in the logs (%s)", child.logFile).isEmpty();

		assertPrivate(data);
	}

	/**
	 * With a PostgreSQL URL that holds a password: neither an import's DEBUG
	 * logs nor the message of an opening that failed (wrong password) nor
	 * {@code status} show it.
	 */
	@Test
	void aPostgresPasswordShowsInNoLogAndNotInStatus(@InjectService ConfigurationAdmin configurationAdmin)
			throws Exception {
		String configured = System.getenv(POSTGRES_VARIABLE);
		assumeTrue(configured != null && !configured.isBlank(), POSTGRES_VARIABLE + " is not set");
		String url = configured + (configured.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
		String password = password(url);
		assumeTrue(password != null && !password.isEmpty(), "the PostgreSQL URL holds no password");

		Path archive = work.resolve("archive");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", archive.toString(),
				"--pages", "4", "--seed", "61")).isZero();

		// the same import into H2: logs that never saw the password, to tell it from words every log has
		Child embedded = new Child(work.resolve("embedded"), work.resolve("embedded/data"));
		assertThat(embedded.run("import", "--db", "jdbc:h2:file:" + work.resolve("embedded/data/results"),
				archive.toString())).isZero();
		boolean distinctive = !embedded.logs().contains(password)
				&& !url.replaceAll("[?&]password=[^&]*", "").contains(password);

		Child shared = new Child(work.resolve("shared"), work.resolve("shared/data"));
		ByteArrayOutputStream summary = new ByteArrayOutputStream();
		assertThat(shared.run(summary, "import", "--db", url, archive.toString())).isZero();
		String wrong = "Wr0ng-" + Long.toHexString(System.nanoTime());
		assertThat(shared.run(new ByteArrayOutputStream(), "import", "--db", url.replace("password=" + password,
				"password=" + wrong), archive.toString())).as("an import with a wrong password").isOne();
		String logs = shared.logs() + summary.toString(StandardCharsets.UTF_8);
		assertThat(logs).contains("DEBUG com.zaxxer.hikari.HikariConfig", "DEBUG org.postgresql.",
				"password authentication failed");
		assertThat(logs).doesNotContain(wrong);
		assertNoPassword(logs, password, url, distinctive);

		// status, with the default store configured by its URL, then by URL and password apart
		Configuration configuration = configurationAdmin.getConfiguration(STORE_PID, "?");
		try {
			configuration.update(new Hashtable<>(Map.of("url", url)));
			String withoutPassword = awaitDefaultStore(u -> u.startsWith("jdbc:postgresql:"));
			assertThat(withoutPassword).doesNotContainIgnoringCase("password").contains(SCHEMA);
			String status = status();
			assertThat(status).contains(withoutPassword);
			assertNoPassword(status, password, url, distinctive);

			configuration.delete();
			awaitDefaultStore(u -> u.startsWith("jdbc:h2:"));
			configuration = configurationAdmin.getConfiguration(STORE_PID, "?");
			configuration.update(new Hashtable<>(Map.of("url", withoutPassword, ".password", password)));
			assertThat(awaitDefaultStore(u -> u.startsWith("jdbc:postgresql:"))).isEqualTo(withoutPassword);
			ResultStores stores = context.getService(context.getServiceReference(ResultStores.class));
			assertThat(stores.store(stores.defaultUrl()).summary().documents()).as("the password reached the driver")
					.isEqualTo(ImportTest.pdfs(archive).size());
			status = status();
			assertThat(status).contains(withoutPassword);
			assertNoPassword(status, password, url, distinctive);
			if (distinctive) {
				for (ServiceReference<?> service : context.getAllServiceReferences(null, null)) {
					for (String key : service.getPropertyKeys()) {
						assertThat(String.valueOf(service.getProperty(key))).as("service property %s", key)
								.doesNotContain(password);
					}
				}
			}
		} finally {
			configuration.delete();
			awaitDefaultStore(u -> u.startsWith("jdbc:h2:"));
		}
	}

	/** Every directory under {@code data} is 0700 and every file 0600 (where the file system has permissions). */
	static void assertPrivate(Path data) throws IOException {
		if (!Files.getFileStore(data).supportsFileAttributeView("posix")) {
			return;
		}
		List<String> modes = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		try (Stream<Path> tree = Files.walk(data)) {
			for (Path path : tree.toList()) {
				String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
				modes.add(mode + " " + data.relativize(path));
				if (!mode.equals(Files.isDirectory(path) ? "rwx------" : "rw-------")) {
					wrong.add(mode + " " + path);
				}
			}
		}
		assertThat(modes).as("the data directory").contains("rwx------ ", "rw------- results.mv.db",
				"rwx------ sample-archive");
		assertThat(wrong).as("readable by others").isEmpty();
	}

	/**
	 * The lines that show a value: the value itself, not inside a longer
	 * number ("10.93" is no leak in "110.934"); and for values of 8 digits or
	 * more (SSNs, EINs, dates), their digits with the separators a log might
	 * put between them ("123-45-6789", "05/08/2024", "12,345,678.90"). Shorter
	 * values are not looked for without their separators: five digits
	 * joined from a log's numbers would match ZIP codes by chance.
	 */
	static List<String> leaks(String logs, Set<String> values) {
		List<String> found = new ArrayList<>();
		Pattern number = Pattern.compile("[0-9]+(?:[-.,/ ][0-9]+)*");
		List<String> lines = logs.lines().toList();
		List<Set<String>> joined = new ArrayList<>();
		for (String line : lines) {
			Set<String> runs = new HashSet<>();
			Matcher run = number.matcher(line);
			while (run.find()) {
				runs.add(run.group().replaceAll("[^0-9]", ""));
			}
			joined.add(runs);
		}
		for (String value : values) {
			Pattern exact = Pattern.compile("(?<![0-9.])" + Pattern.quote(value) + "(?![0-9])");
			String digits = value.replaceAll("[^0-9]", "");
			for (int i = 0; i < lines.size(); i++) {
				if (exact.matcher(lines.get(i)).find() || digits.length() >= 8 && joined.get(i).contains(digits)) {
					found.add(value + " in: " + lines.get(i));
				}
			}
		}
		return found;
	}

	/**
	 * The password is not in {@code text} as a password (after "password",
	 * or in the URL as given); when it is a word no log has without it, not
	 * anywhere. ("results" is the password of CI's database, and the word is
	 * in every log: there, only the first check is made.)
	 */
	static void assertNoPassword(String text, String password, String url, boolean distinctive) {
		assertThat(text).doesNotContain(url);
		assertThat(Pattern.compile("(?i)password\\W{0,3}" + Pattern.quote(password)).matcher(text).find())
				.as("the password after 'password'").isFalse();
		if (distinctive) {
			assertThat(text).doesNotContain(password);
		}
	}

	static String password(String url) {
		Matcher password = Pattern.compile("[?&]password=([^&]*)").matcher(url);
		return password.find() ? URLDecoder.decode(password.group(1), StandardCharsets.UTF_8) : null;
	}

	/** The current default store's URL once it is one {@code wanted} accepts (after a configuration change). */
	static String awaitDefaultStore(Predicate<String> wanted) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		String url = null;
		while (System.nanoTime() < deadline) {
			ServiceReference<ResultStores> reference = context.getServiceReference(ResultStores.class);
			if (reference != null) {
				ResultStores stores = context.getService(reference);
				try {
					url = stores == null ? null : stores.defaultUrl();
				} finally {
					context.ungetService(reference);
				}
				if (url != null && wanted.test(url)) {
					return url;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the default store did not change; it is " + url);
	}

	static String status() throws Exception {
		Subcommand status = Commands.named("status");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		status.run(new CommandContext(List.of(), print, print, Path.of("").toAbsolutePath(), false));
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The exported importer as {@code ./digitdesk} runs it, with the shipped
	 * logging configuration turned to DEBUG for every logger, writing to
	 * standard error (kept in a file) and to a log file.
	 */
	static final class Child {
		final Path importer = Path.of(context.getProperty("digitdesk.importer.jar"));
		final Path data;
		final Path logging;
		final Path logFile;
		final Path stderr;
		final Path temp;
		int runs;

		Child(Path work, Path data) throws IOException {
			assertThat(importer).as("the exported importer (mvn package in workspace/)").exists();
			this.data = data;
			Files.createDirectories(work);
			logFile = work.resolve("logs/digitdesk.log");
			stderr = work.resolve("stderr.log");
			temp = Files.createDirectories(work.resolve("tmp"));
			logging = work.resolve("logging.properties");
			Files.writeString(logging, debugLogging(importer.getParent().getParent().resolve("config/logging.properties"),
					logFile));
		}

		int run(String... arguments) throws Exception {
			return run(new ByteArrayOutputStream(), arguments);
		}

		/** Runs a command; standard output goes to {@code out}, standard error joins the logs. */
		int run(ByteArrayOutputStream out, String... arguments) throws Exception {
			List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
					"-Dorg.ops4j.pax.logging.property.file=" + logging, "-Ddigitdesk.data=" + data,
					"-Djava.io.tmpdir=" + temp, "-Xmx1g", "-jar", importer.toString()));
			command.addAll(List.of(arguments));
			Path stdout = stderr.resolveSibling("stdout-" + ++runs + ".txt");
			Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
					.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
			assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s finished", arguments[0]).isTrue();
			out.write(Files.readAllBytes(stdout));
			return process.exitValue();
		}

		/** Everything logged: standard error of every run, and the log file. */
		String logs() throws IOException {
			return Files.readString(stderr) + (Files.exists(logFile) ? Files.readString(logFile) : "");
		}
	}

	/**
	 * The shipped configuration with every level at DEBUG, without
	 * timestamps (a time such as 10:09:10.934 holds the amount 10.93), and a
	 * log file beside standard error.
	 */
	static String debugLogging(Path shipped, Path logFile) throws IOException {
		StringBuilder properties = new StringBuilder();
		for (String line : Files.readAllLines(shipped)) {
			if (line.matches("\\s*log4j2\\.[\\w.]+\\.level\\s*=.*") || line.matches("\\s*log4j2\\.rootLogger\\.level\\s*=.*")) {
				line = line.substring(0, line.indexOf('=')) + "= debug";
			} else if (line.matches("\\s*log4j2\\.appender\\.\\w+\\.layout\\.pattern\\s*=.*")) {
				line = line.substring(0, line.indexOf('=')) + "= %-5level %c - %msg%n";
			}
			properties.append(line).append('\n');
		}
		properties.append("""
				log4j2.appender.file.type = File
				log4j2.appender.file.name = file
				log4j2.appender.file.fileName = %s
				log4j2.appender.file.layout.type = PatternLayout
				log4j2.appender.file.layout.pattern = %%-5level %%c - %%msg%%n
				log4j2.rootLogger.appenderRef.file.ref = file
				""".formatted(logFile));
		assertThat(properties.toString()).contains("rootLogger.level = debug")
				.doesNotContainPattern("\\.level\\s*=\\s*+(?!debug)");
		return properties.toString();
	}
}
