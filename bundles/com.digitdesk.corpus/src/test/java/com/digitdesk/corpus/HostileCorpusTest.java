package com.digitdesk.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.corpus.hostile.GrowingFile;
import com.digitdesk.corpus.hostile.HostileCase;
import com.digitdesk.corpus.hostile.HostileCase.Outcome;
import com.digitdesk.corpus.hostile.HostileCorpus;
import com.digitdesk.corpus.hostile.PdfBoxProbe;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.render.PdfBoxRenderer;
import com.digitdesk.template.JsonTemplateCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hostile corpus as {@code digitdesk hostile-corpus} writes it: every
 * file does to plain PDFBox what its case says (checked in child JVMs of
 * 256 MB), and the files that are safe to read in-process end in the
 * renderer as their case expects.
 */
class HostileCorpusTest {

	/** How long the endless render must still be running to count as endless. */
	static final Duration ENDLESS = Duration.ofSeconds(30);
	/** Hints of failures that would take the test's JVM down with them. */
	static final Set<String> UNCONTAINED = Set.of("stack", "memory", "time");

	@TempDir
	static Path work;
	static Path corpus;

	@BeforeAll
	static void writeTheCorpus() throws Exception {
		corpus = work.resolve("hostile");
		assertThat(command("--out", corpus.toString())).isZero();
	}

	static int command(String... arguments) throws Exception {
		return new HostileCorpusCommand(new JsonTemplateCatalog(Path.of("no-such-dir")), MnistCache.atDefaultLocation())
				.run(new CommandContext(List.of(arguments), new PrintStream(new ByteArrayOutputStream()),
						new PrintStream(new ByteArrayOutputStream()), work, false));
	}

	@Test
	void writesEveryCaseSmallWithItsManifest() throws Exception {
		List<HostileCase> cases = HostileCorpus.cases();
		assertThat(cases).extracting(HostileCase::fileName).doesNotHaveDuplicates();
		for (HostileCase hostile : cases) {
			Path file = corpus.resolve(hostile.fileName());
			assertThat(file).as(hostile.fileName()).isRegularFile();
			assertThat(Files.size(file)).as(hostile.fileName()).isLessThan(10L << 20);
		}
		JsonNode manifest = new ObjectMapper().readTree(corpus.resolve(HostileCorpus.MANIFEST).toFile()).get("cases");
		assertThat(manifest).hasSize(cases.size());
		for (int i = 0; i < cases.size(); i++) {
			assertThat(manifest.get(i).get("file").asText()).isEqualTo(cases.get(i).fileName());
			assertThat(manifest.get(i).get("kind").asText()).isEqualTo(cases.get(i).kind());
			assertThat(manifest.get(i).get("expected").asText()).isEqualTo(cases.get(i).expected().name());
			assertThat(manifest.get(i).get("reason_hint").asText()).isEqualTo(cases.get(i).reasonHint());
		}
		assertThat(corpus.resolve("valid-form-1.json")).isRegularFile();
		assertThat(corpus.resolve("encrypted-owner-password.json")).hasSameTextualContentAs(corpus.resolve("valid-form-1.json"));
		try (var leftovers = Files.list(corpus)) {
			assertThat(leftovers.map(p -> p.getFileName().toString()))
					.allMatch(name -> name.endsWith(".pdf") || name.endsWith(".json"));
		}
		assertThat(command()).isEqualTo(2);
	}

	@Test
	void sameBytesEachTime() throws Exception {
		Path again = work.resolve("again");
		assertThat(command("--out", again.toString())).isZero();
		for (HostileCase hostile : HostileCorpus.cases()) {
			assertThat(Files.readAllBytes(again.resolve(hostile.fileName()))).as(hostile.fileName())
					.isEqualTo(Files.readAllBytes(corpus.resolve(hostile.fileName())));
		}
	}

	/** What {@link PdfBoxProbe} prints last for each file, as each case's description says. */
	static final Map<String, String> PDFBOX = Map.ofEntries(
			Map.entry("type3-pattern-recursion.pdf", "FAILED render java.lang.StackOverflowError"),
			Map.entry("jbig2-huge-page.pdf", "FAILED image java.lang.OutOfMemoryError"),
			Map.entry("flate-bomb-image.pdf", "FAILED image java.lang.OutOfMemoryError"),
			Map.entry("flate-bomb-content.pdf", "FAILED render java.lang.OutOfMemoryError"),
			Map.entry("zero-pages.pdf", "FAILED page java.lang.IndexOutOfBoundsException"),
			Map.entry("encrypted-user-password.pdf",
					"FAILED load org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException"),
			Map.entry("encrypted-owner-password.pdf", "OK"),
			Map.entry("page-200-inches.pdf", "FAILED render java.io.IOException: Maximum size of image exceeded"),
			Map.entry("image-30000-pixels.pdf", "FAILED image java.lang.OutOfMemoryError"),
			Map.entry("jpeg-named-pdf.pdf", "FAILED load java.io.IOException"),
			Map.entry("empty.pdf", "FAILED load java.io.IOException"),
			Map.entry("random-bytes.pdf", "FAILED load java.io.IOException"),
			Map.entry("truncated.pdf", "FAILED load java.io.IOException"),
			Map.entry("broken-xref.pdf", "OK"),
			Map.entry("page-tree-loop.pdf", "FAILED page java.lang.IllegalStateException: Possible recursion"),
			Map.entry("form-draws-itself.pdf", "OK"),
			Map.entry("own-parent.pdf", "OK"),
			Map.entry("self-reference.pdf", "OK"),
			Map.entry("ccitt-wrong-k.pdf", "FAILED image java.io.IOException"),
			Map.entry("ccitt-wrong-columns.pdf", "OK"),
			Map.entry("ccitt-truncated.pdf", "OK"),
			Map.entry("valid-form-1.pdf", "OK"),
			Map.entry("valid-form-2.pdf", "OK"));

	@Test
	void plainPdfBoxFailsAsEachCaseSays() throws Exception {
		Path endlessOutput = work.resolve("endless-render.out");
		Process endless = probe(corpus.resolve("endless-render.pdf"), endlessOutput);
		long started = System.nanoTime();
		Map<String, List<String>> seen = new LinkedHashMap<>();
		for (HostileCase hostile : HostileCorpus.cases()) {
			if (!hostile.fileName().equals("endless-render.pdf")) {
				Path output = work.resolve(hostile.fileName() + ".out");
				seen.put(hostile.fileName(), finish(probe(corpus.resolve(hostile.fileName()), output), output));
			}
		}
		assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(PDFBOX.keySet());
		seen.forEach((file, lines) -> assertThat(lines.get(lines.size() - 1)).as(file + ": " + lines)
				.startsWith(PDFBOX.get(file)));
		// The decoded CCITT data is a third short, which PDFBox does not mind.
		assertThat(seen.get("ccitt-wrong-columns.pdf")).contains("image-bytes 702900 of 1052700");
		assertThat(seen.get("ccitt-truncated.pdf")).contains("image-bytes 1052700 of 1052700");

		long left = ENDLESS.toNanos() - (System.nanoTime() - started);
		if (left > 0) {
			TimeUnit.NANOSECONDS.sleep(left);
		}
		try {
			assertThat(endless.isAlive()).as("endless-render.pdf still rendering after %s", ENDLESS).isTrue();
		} finally {
			endless.destroyForcibly().waitFor();
		}
		assertThat(Files.readString(endlessOutput)).contains("STAGE render").doesNotContain("FAILED").doesNotContain("OK");
	}

	/** Starts {@link PdfBoxProbe} on {@code file} in a JVM of 256 MB, its lines going to {@code output}. */
	static Process probe(Path file, Path output) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				PdfBoxProbe.class.getName(), file.toString()).redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	static List<String> finish(Process probe, Path output) throws Exception {
		if (!probe.waitFor(2, TimeUnit.MINUTES)) {
			probe.destroyForcibly().waitFor();
			fail(output + ": the probe did not end within 2 minutes");
		}
		List<String> lines = Files.readAllLines(output);
		if (lines.isEmpty()) {
			fail(output + ": the probe printed nothing");
		}
		return lines;
	}

	@Test
	void theRendererEndsTheSafeFilesAsTheirCasesExpect() {
		PdfBoxRenderer renderer = new PdfBoxRenderer(100, true);
		try {
			for (HostileCase hostile : HostileCorpus.cases()) {
				if (UNCONTAINED.contains(hostile.reasonHint())) {
					continue;
				}
				Path file = corpus.resolve(hostile.fileName());
				if (hostile.expected() == Outcome.PROCESSED) {
					try (PdfDocument document = renderer.open(file)) {
						RenderedPage page = document.scan(0, 300);
						assertThat(page.image().width()).as(hostile.fileName()).isGreaterThan(1000);
					} catch (DocumentException e) {
						fail(hostile.fileName() + " should be read: " + e.getMessage());
					}
				} else {
					assertThatThrownBy(() -> {
						try (PdfDocument document = renderer.open(file)) {
							document.scan(0, 300);
						}
					}).as(hostile.fileName()).isInstanceOf(DocumentException.class)
							.satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT))
									.contains(hostile.reasonHint().toLowerCase(Locale.ROOT)));
				}
			}
		} finally {
			renderer.deactivate();
		}
	}

	@Test
	void aGrowingFileGrowsAFewKilobytesAtATimeUntilItIsTheWholeForm() throws Exception {
		Path form = corpus.resolve("valid-form-1.pdf");
		byte[] whole = Files.readAllBytes(form);
		Path file = work.resolve("growing.pdf");
		try (GrowingFile growing = HostileCorpus.startGrowingFile(form, file, Duration.ofSeconds(2))) {
			TimeUnit.MILLISECONDS.sleep(500);
			long early = Files.size(file);
			assertThat(growing.isWhole()).isFalse();
			assertThat(early).isPositive().isLessThan(whole.length);
			assertThat(growing.awaitWhole(Duration.ofSeconds(30))).isEqualTo(file);
			assertThat(growing.isWhole()).isTrue();
		}
		assertThat(Files.readAllBytes(file)).isEqualTo(whole);

		Path stopped = work.resolve("stopped.pdf");
		GrowingFile slow = HostileCorpus.startGrowingFile(form, stopped, Duration.ofMinutes(10));
		TimeUnit.MILLISECONDS.sleep(300);
		slow.close();
		assertThatThrownBy(() -> slow.awaitWhole(Duration.ofSeconds(5))).isInstanceOf(IOException.class)
				.hasMessageContaining("stopped");
		assertThat(Files.size(stopped)).isLessThan(whole.length);
	}
}
