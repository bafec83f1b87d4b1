package com.digitdesk.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.render.PdfBoxRenderer;
import com.digitdesk.template.JsonTemplateCatalog;

/** The command's files and messages, with the real renderer and no text reader. */
class TemplateDraftCommandTest {

	private static final Path W2 = Path.of("../com.digitdesk.corpus/src/main/resources/forms/fw2-2024-copy2-blank.pdf")
			.toAbsolutePath();

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void writesADraftThatLoadsAsATemplate() throws Exception {
		Path templates = Files.createDirectory(directory.resolve("templates"));

		assertThat(run(W2.toString(), "--out", "templates/w2-draft.json")).isZero();

		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("25 boxes and 6 anchors written to")
				.contains("labels left out");
		try (var files = Files.list(templates)) {
			assertThat(files).containsExactly(templates.resolve("w2-draft.json")); // no temporary file left
		}
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(templates);
		assertThat(catalog.loadProblems()).isEmpty();
		assertThat(catalog.template("fw2-2024-copy2-blank").orElseThrow().fields()).hasSize(25);
	}

	@Test
	void printsTheDraftWithoutOut() throws Exception {
		assertThat(run(W2.toString())).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{").contains("\"field25\"");
	}

	@Test
	void draftsPageOneOfSeveralAndSaysSo() throws Exception {
		Path twoPages = directory.resolve("two.pdf");
		try (PDDocument w2 = Loader.loadPDF(W2.toFile()); PDDocument both = new PDDocument()) {
			both.importPage(w2.getPage(0));
			both.addPage(new PDPage());
			both.save(twoPages.toFile());
		}
		assertThat(run("two.pdf")).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains(twoPages + " has 2 pages: drafting page 1 only");
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"field25\"");
	}

	@Test
	void refusesAMissingFileAPdfThatIsNoneAndABlankPage() throws Exception {
		assertThat(run("missing.pdf")).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains(directory.resolve("missing.pdf") + ": does not exist");

		Files.writeString(directory.resolve("notes.pdf"), "just text");
		err.reset();
		assertThat(run("notes.pdf")).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains(directory.resolve("notes.pdf").toString())
				.contains("PDF");

		try (PDDocument blank = new PDDocument()) {
			blank.addPage(new PDPage());
			blank.save(directory.resolve("blank.pdf").toFile());
		}
		err.reset();
		assertThat(run("blank.pdf")).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("blank.pdf, page 1: no boxes found");
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void needsOneFile() throws Exception {
		assertThat(run()).isEqualTo(2);
		assertThat(run("a.pdf", "b.pdf")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("name one PDF file");
	}

	private int run(String... arguments) throws Exception {
		TemplateDraftCommand command = new TemplateDraftCommand(new PdfBoxRenderer(100, true), null);
		return command.run(new CommandContext(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), directory, false));
	}
}
