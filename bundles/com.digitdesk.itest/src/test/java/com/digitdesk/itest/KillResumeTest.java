package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
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
/**
 * An import killed with SIGKILL three times at random moments, then run to
 * the end, stores exactly what one uninterrupted import stores. The imports
 * run as operators run them: the exported importer jar in a child process.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class KillResumeTest {

	static final int PAGES = 36;
	static final int KILLS = 3;

	static ImporterProcesses importers;


	@Test
	void anImportKilledThreeTimesThenFinishedMatchesACleanImport(@InjectBundleContext BundleContext context,
			@TempDir Path work) throws Exception {
		importers = new ImporterProcesses(context, work);
		Path archive = work.resolve("archive");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", archive.toString(), "--pages",
				String.valueOf(PAGES), "--seed", "47")).isZero();
		int files = ImportTest.pdfs(archive).size();
		String clean = "jdbc:h2:file:" + work.resolve("clean/results");
		String killed = "jdbc:h2:file:" + work.resolve("killed/results");

		assertThat(importer("import", "--db", clean, archive.toString()).waitFor()).isZero();

		long seed = System.nanoTime();
		Random random = new Random(seed);
		int filesStored = 0;
		for (int kill = 0; kill < KILLS; kill++) {
			// Kill after a random number of finished files, and a random moment into the next ones.
			int after = 1 + random.nextInt(Math.max(1, (files - filesStored) / (KILLS - kill + 1)));
			Process run = importer("import", "--verbose", "--db", killed, archive.toString());
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
		Process last = importer("import", "--db", killed, archive.toString());
		assertThat(last.waitFor()).as("the final run finishes the job (seed %d)", seed).isZero();
		// (The launcher's copies of its own two jars, about 1 MB a run, stay: they are not the framework's.)
		try (Stream<Path> left = Files.list(importers.temporary)) {
			assertThat(left.filter(path -> path.getFileName().toString().endsWith(".fw")))
					.as("framework storage left by the killed runs, removed by the final one").isEmpty();
		}

		List<String> cleanRows = ImportTest.exportRows(clean);
		List<String> resumedRows = ImportTest.exportRows(killed);
		assertThat(cleanRows).hasSizeGreaterThan(PAGES * 8);
		assertThat(new HashSet<>(resumedRows)).as("no field stored twice").hasSize(resumedRows.size());
		assertThat(resumedRows).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(cleanRows);
	}

	private static Process importer(String... arguments) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(importers.command(arguments)).redirectOutput(ProcessBuilder.Redirect.DISCARD);
		if (!List.of(arguments).contains("--verbose")) {
			builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		}
		return builder.start();
	}
}
