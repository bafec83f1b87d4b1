package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.Subcommand;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An import killed with SIGKILL three times at random moments, then run to
 * the end, stores exactly what one uninterrupted import stores. The imports
 * run as operators run them: the exported importer jar in a child process.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class KillResumeTest {

	static final int PAGES = 36;
	static final int KILLS = 3;

	static Path dataDirectory;
	/** The children's temporary directory, where the launcher puts each run's framework storage. */
	static Path frameworkTemp;

	@InjectService(timeout = 20000)
	static List<Subcommand> commands;

	@Test
	void anImportKilledThreeTimesThenFinishedMatchesACleanImport(@InjectBundleContext BundleContext context,
			@TempDir Path work) throws Exception {
		Path importer = Path.of(context.getProperty("digitdesk.importer.jar"));
		assertThat(importer).as("the exported importer (mvn package in workspace/)").exists();
		Path archive = work.resolve("archive");
		assertThat(ImportTest.run(commands, new ByteArrayOutputStream(), "corpus", "--out", archive.toString(), "--pages",
				String.valueOf(PAGES), "--seed", "47")).isZero();
		int files = ImportTest.pdfs(archive).size();
		String clean = "jdbc:h2:file:" + work.resolve("clean/results");
		String killed = "jdbc:h2:file:" + work.resolve("killed/results");

		dataDirectory = work.resolve("data");
		frameworkTemp = Files.createDirectories(work.resolve("tmp"));
		assertThat(importer(importer, "import", "--db", clean, archive.toString()).waitFor()).isZero();

		long seed = System.nanoTime();
		Random random = new Random(seed);
		int filesStored = 0;
		for (int kill = 0; kill < KILLS; kill++) {
			// Kill after a random number of finished files, and a random moment into the next ones.
			int after = 1 + random.nextInt(Math.max(1, (files - filesStored) / (KILLS - kill + 1)));
			Process run = importer(importer, "import", "--verbose", "--db", killed, archive.toString());
			int stored = 0;
			try (BufferedReader err = new BufferedReader(
					new InputStreamReader(run.getErrorStream(), StandardCharsets.UTF_8))) {
				String line;
				while (stored < after && (line = err.readLine()) != null) {
					if (line.startsWith("import: stored: ")) {
						stored++;
					}
				}
				Thread.sleep(random.nextInt(400));
				run.destroyForcibly();
				assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}
			assertThat(stored).as("kill %d (seed %d) came before the import ended", kill + 1, seed).isEqualTo(after);
			filesStored += stored;
		}
		Process last = importer(importer, "import", "--db", killed, archive.toString());
		assertThat(last.waitFor()).as("the final run finishes the job (seed %d)", seed).isZero();
		// (The launcher's copies of its own two jars, about 1 MB a run, stay: they are not the framework's.)
		try (Stream<Path> left = Files.list(frameworkTemp)) {
			assertThat(left.filter(path -> path.getFileName().toString().endsWith(".fw")))
					.as("framework storage left by the killed runs, removed by the final one").isEmpty();
		}

		List<String> cleanRows = rows(clean);
		List<String> resumedRows = rows(killed);
		assertThat(cleanRows).hasSizeGreaterThan(PAGES * 8);
		assertThat(new HashSet<>(resumedRows)).as("no field stored twice").hasSize(resumedRows.size());
		assertThat(resumedRows).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(cleanRows);
	}

	/** The export of a store, one line per field: where it is, its value, status and confidence. */
	private static List<String> rows(String url) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImportTest.run(commands, out, "export", "--db", url, "--format", "json")).isZero();
		List<String> rows = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (JsonNode row : ImportTest.JSON.readTree(out.toString(StandardCharsets.UTF_8))) {
			String key = row.get("source_file").asText() + "/" + row.get("page").asInt() + "/" + row.get("field").asText();
			assertThat(keys.add(key)).as("%s exported once", key).isTrue();
			rows.add(key + "=" + row.get("value").asText() + " " + row.get("status").asText() + " "
					+ row.get("confidence").asText());
		}
		return rows;
	}

	private static Process importer(Path jar, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Dorg.ops4j.pax.logging.DefaultServiceLog.level=ERROR", "-Ddigitdesk.data=" + dataDirectory, "-Djava.io.tmpdir=" + frameworkTemp, "-jar", jar.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
		if (!List.of(arguments).contains("--verbose")) {
			builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		}
		return builder.start();
	}
}
