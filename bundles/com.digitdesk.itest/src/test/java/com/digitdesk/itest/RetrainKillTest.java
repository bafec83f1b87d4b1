package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A retrain killed with SIGKILL while it trains leaves no version behind,
 * half-written or whole, and no work folder once the next run has started;
 * the next run does the job. The runs are the exported runtimes, each a
 * process of its own, as operators run them.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class RetrainKillTest {

	@Test
	void aRetrainKilledWhileItTrainsLeavesNothingHalfDoneAndTheNextRunFinishes(
			@InjectBundleContext BundleContext context, @InjectService(timeout = 20000) ResultStores stores,
			@TempDir Path work) throws Exception {
		ImporterProcesses importer = new ImporterProcesses(context, work);
		ImporterProcesses workstation = new ImporterProcesses(context, work, "digitdesk.workstation.jar");
		Path archive = work.resolve("archive");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", archive.toString(), "--pages", "8",
				"--seed", "43")).isZero();
		// the store only the child processes open until the end (an embedded store serves one process at a time)
		String url = "jdbc:h2:file:" + work.resolve("store/results");
		assertThat(run(importer, "import", "--db", url, archive.toString())).isZero();
		List<String> rows = new ArrayList<>(List.of("file,page,field,value"));
		for (Map.Entry<String, String> field : ImportTest.groundTruth(archive).entrySet()) {
			String[] key = field.getKey().split("/");
			rows.add(key[0] + "," + key[1] + "," + key[2] + "," + field.getValue());
		}
		Path csv = work.resolve("keyed.csv");
		Files.write(csv, rows, StandardCharsets.UTF_8);
		assertThat(run(workstation, "verify", "--db", url, "--clerk", "keyer", "--from-csv", csv.toString())).isZero();

		// killed a random moment into training
		long seed = System.nanoTime();
		Process killed = new ProcessBuilder(importer.command("retrain", "--db", url, "--mnist", "2000", "--json"))
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		boolean training = false;
		try (BufferedReader err = new BufferedReader(
				new InputStreamReader(killed.getErrorStream(), StandardCharsets.UTF_8))) {
			String line;
			while (!training && (line = err.readLine()) != null) {
				training = line.startsWith("Training on ");
			}
			Thread.sleep(new Random(seed).nextInt(3000));
			killed.destroyForcibly();
			assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(training).as("the retrain began to train").isTrue();
		JsonNode versions = ImportTest.JSON.readTree(output(importer, work, "models", "--db", url, "--json"));
		assertThat(versions).as("seed %d: only the first version, none half-made", seed).hasSize(1);
		assertThat(versions.get(0).get("version").asText()).isEqualTo("v1");
		assertThat(versions.get(0).get("state").asText()).isEqualTo("current");
		assertThat(workFolders(importer)).as("the killed run's work folder").hasSize(1);

		// the next run sweeps the killed one's work folder and finishes
		JsonNode outcome = ImportTest.JSON
				.readTree(output(importer, work, "retrain", "--db", url, "--mnist", "2000", "--json"));
		assertThat(outcome.get("candidate").asText()).isEqualTo("v2");
		assertThat(workFolders(importer)).isEmpty();

		ResultStore store = stores.store(url);
		assertThat(store.models()).extracting(ModelVersion::version).containsExactly("v2", "v1");
		// whole, as its checksum says (a damaged graph is never handed out)
		assertThat(store.modelGraph("v2")).isNotEmpty();
		assertThat(store.models().get(0).sha256()).isEqualTo(outcome.get("model_sha256").asText());
	}

	private static int run(ImporterProcesses runtime, String... arguments) throws Exception {
		return new ProcessBuilder(runtime.command(arguments)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor();
	}

	private static byte[] output(ImporterProcesses runtime, Path work, String... arguments) throws Exception {
		Path out = Files.createTempFile(work, "out", ".json");
		Process process = new ProcessBuilder(runtime.command(arguments)).redirectOutput(out.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		assertThat(process.waitFor()).as(String.join(" ", arguments)).isZero();
		return Files.readAllBytes(out);
	}

	private static List<Path> workFolders(ImporterProcesses runtime) throws Exception {
		try (Stream<Path> files = Files.list(runtime.temporary)) {
			return files.filter(f -> f.getFileName().toString().startsWith("digitdesk-retrain-")).toList();
		}
	}
}
