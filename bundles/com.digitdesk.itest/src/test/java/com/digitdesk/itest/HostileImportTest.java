package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An archive of hostile files (hostile-corpus: stack overflows, memory and
 * decompression bombs, pages that never finish, encrypted, truncated, cyclic
 * and fake PDFs, absurd page sizes) with good forms among them and one file
 * still being written, imported as an operator imports it: every file ends
 * stored or quarantined with a reason naming it, the summary comes, the exit
 * status says files failed, and nothing of a quarantined file is stored.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class HostileImportTest {


	@InjectService(timeout = 20000)
	static ResultStores stores;

	@Test
	void everyHostileFileIsQuarantinedWithItsReasonAndTheGoodOnesAreStored(
			@InjectBundleContext BundleContext context, @TempDir Path work) throws Exception {
		ImporterProcesses importers = new ImporterProcesses(context, work);
		Path archive = work.resolve("hostile");
		assertThat(Commands.run(new ByteArrayOutputStream(), "hostile-corpus", "--out",
				archive.toString())).isZero();
		JsonNode cases = ImportTest.JSON.readTree(archive.resolve("hostile-cases.json").toFile()).get("cases");
		Path growing = archive.resolve("still-being-written.pdf");
		AtomicBoolean importDone = new AtomicBoolean();
		Thread writer = writeSlowly(ImportTest.pdfs(archive).stream()
				.filter(pdf -> expected(cases, pdf).equals("PROCESSED")).findFirst().orElseThrow(), growing,
				importDone);

		String url = "jdbc:h2:file:" + work.resolve("store/results");
		Path out = work.resolve("summary.json");
		Path err = work.resolve("import.err");
		long start = System.nanoTime();
		Process run = importers.start(out, err, "import", "--json", "--verbose", "--db", url, archive.toString());
		assertThat(run.waitFor(20, TimeUnit.MINUTES)).as("the import ends").isTrue();
		double seconds = (System.nanoTime() - start) / 1e9;
		importDone.set(true);
		writer.join();
		String log = Files.readString(err);
		assertThat(run.exitValue()).as("exit status: files failed; log:%n%s", log).isEqualTo(1);
		JsonNode summary = ImportTest.JSON.readTree(Files.readString(out));
		System.out.printf("hostile import: %d files in %.1f s, importer peak RSS %.0f MB%n",
				summary.get("files").asInt(), seconds, summary.get("peak_rss_mb").asDouble());

		Map<String, String> failures = new HashMap<>();
		summary.get("failures").forEach(f -> failures.put(Path.of(f.get("file").asText()).getFileName().toString(),
				f.get("reason").asText()));
		failures.forEach((file, reason) -> System.out.println("quarantined " + file + ": " + reason));
		List<Path> files = ImportTest.pdfs(archive);
		assertThat(summary.get("files").asInt()).isEqualTo(files.size());
		assertThat(failures.get(growing.getFileName().toString())).as("the file still being written")
				.contains(growing.toString()).contains("still being written");
		for (JsonNode hostile : cases) {
			String name = hostile.get("file").asText();
			if (hostile.get("expected").asText().equals("QUARANTINED")) {
				assertThat(failures).as("%s (%s)", name, hostile.get("kind").asText()).containsKey(name);
				assertThat(failures.get(name)).as("the reason names the file").contains(name);
				String hint = hostile.path("reason_hint").asText("");
				assertThat(failures.get(name).toLowerCase(Locale.ROOT)).as("reason of %s", name)
						.contains(hint.toLowerCase(Locale.ROOT));
			} else {
				assertThat(failures).as("%s (%s) is stored", name, hostile.get("kind").asText()).doesNotContainKey(name);
			}
		}
		assertThat(summary.get("failed").asInt()).isEqualTo(failures.size());
		assertThat(summary.get("pages").asInt()).as("the good files' pages").isPositive();

		// Nothing of a quarantined file is in the store, and the quarantine says why.
		ResultStore store = stores.store(url);
		Map<String, QuarantineEntry> quarantined = new HashMap<>();
		for (QuarantineEntry entry : store.quarantined()) {
			quarantined.put(Path.of(entry.sourceFile()).getFileName().toString(), entry);
		}
		assertThat(quarantined.keySet()).containsExactlyInAnyOrderElementsOf(failures.keySet());
		for (QuarantineEntry entry : quarantined.values()) {
			if (!entry.contentSha256().isEmpty()) {
				assertThat(store.findDocument(entry.contentSha256())).as("%s stored", entry.sourceFile()).isEmpty();
			}
		}
	}

	private static String expected(JsonNode cases, Path pdf) {
		for (JsonNode hostile : cases) {
			if (hostile.get("file").asText().equals(pdf.getFileName().toString())) {
				return hostile.get("expected").asText();
			}
		}
		return "";
	}

	/**
	 * Copies a file into place a little at a time, as a slow scanner or copy
	 * does, and goes on appending (PDF comments, once the file is whole) until
	 * told to stop: whenever the import reaches it, it is still being written.
	 */
	private static Thread writeSlowly(Path source, Path target, AtomicBoolean stop) throws Exception {
		byte[] bytes = Files.readAllBytes(source);
		int chunk = Math.max(1, bytes.length / 40);
		OutputStream out = Files.newOutputStream(target);
		out.write(bytes, 0, chunk);
		out.flush();
		Thread writer = new Thread(() -> {
			try (out) {
				for (int offset = chunk; !stop.get(); offset += chunk) {
					Thread.sleep(500);
					if (offset < bytes.length) {
						out.write(bytes, offset, Math.min(chunk, bytes.length - offset));
					} else {
						out.write("% still scanning\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				}
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}, "slow-writer");
		writer.start();
		return writer;
	}
}
