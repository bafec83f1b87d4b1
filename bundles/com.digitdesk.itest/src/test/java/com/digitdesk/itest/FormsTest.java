package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.identification.FormIdentifier;
import com.digitdesk.api.registration.PageRegistrar;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.segmentation.FieldSegmenter;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Page-to-glyphs inside the framework: the services, and corpus + eval-forms end to end with a bad file mixed in. */
@ExtendWith(ServiceExtension.class)
class FormsTest {

	@InjectService(filter = "(digitdesk.command=corpus)", timeout = 10000)
	Subcommand corpusCommand;

	@InjectService(filter = "(digitdesk.command=eval-forms)", timeout = 10000)
	Subcommand evalFormsCommand;

	@Test
	void theStagesAreServices(@InjectService PageRenderer renderer, @InjectService TemplateCatalog catalog,
			@InjectService FormIdentifier identifier, @InjectService PageRegistrar registrar,
			@InjectService FieldSegmenter segmenter) {
		assertThat(catalog.templates()).extracting(FormTemplate::id).contains("f1040-p1", "w2");
	}

	@Test
	void corpusThenEvalFormsReadsThePagesAndReportsTheBadFile(@TempDir Path corpus) throws Exception {
		assertThat(run("corpus", "--out", corpus.toString(), "--pages", "3", "--seed", "9")).isZero();
		Files.writeString(corpus.resolve("broken.pdf"), "this is no PDF");
		Files.writeString(corpus.resolve("broken.json"), "{\"pages\": [{\"template\": \"w2\", \"fields\": {}}]}");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(run(out, "eval-forms", corpus.toString(), "--json", "--no-pdftoppm")).isZero();
		JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(report.get("pages").asInt()).isEqualTo(4);
		assertThat(report.get("failed_pages").asInt()).isEqualTo(1);
		assertThat(report.get("identified_rate").asDouble()).isEqualTo(0.75);
		assertThat(report.get("registered_rate").asDouble()).isEqualTo(0.75);
		assertThat(report.get("field_accuracy").asDouble()).isGreaterThan(0.5);
		assertThat(report.get("problems").toString()).contains("broken.pdf", "not a PDF");
		for (String key : List.of("segmentation_count_accuracy", "digit_accuracy", "pages_per_second",
				"render_ms_per_page", "pdftoppm_ms_per_page", "peak_rss_mb")) {
			assertThat(report.has(key)).as(key).isTrue();
		}
	}

	private int run(String... arguments) throws Exception {
		return run(new ByteArrayOutputStream(), arguments);
	}

	private int run(ByteArrayOutputStream out, String... arguments) throws Exception {
		Subcommand command = arguments[0].equals("corpus") ? corpusCommand : evalFormsCommand;
		return command.run(new CommandContext(List.of(arguments).subList(1, arguments.length),
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Path.of("."), false));
	}
}
