package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.reading.CutPage;
import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.reading.ReadField;
import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.routing.FieldRouting;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageResult;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The page-reading chain as one service, and routing as another, through
 * their contracts: real generated pages read, cut, recognized and routed; the
 * routing policy and the reader's recognizer as Configuration Admin sets them.
 */
@ExtendWith(ServiceExtension.class)
class PageReadingTest {

	@InjectService(timeout = 20000)
	static PageRenderer renderer;

	@InjectService(timeout = 20000)
	static ServiceAware<PageReader> readers;

	@InjectService(timeout = 20000)
	static FieldRouting routing;

	@TempDir
	static Path corpus;

	/** A generated page of each PDF, as read, with its ground truth. */
	record Known(ReadPage read, CutPage cut, String template, Map<String, String> truth) {
	}

	static List<Known> pages = new ArrayList<>();

	@BeforeAll
	static void readAGeneratedCorpus() throws Exception {
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", corpus.toString(), "--pages", "3",
				"--seed", "21")).isZero();
		PageReader reader = readers.waitForService(20000);
		try (Stream<Path> files = Files.list(corpus)) {
			for (Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
				JsonNode truth = new ObjectMapper().readTree(pdf.resolveSibling(
						pdf.getFileName().toString().replace(".pdf", ".json")).toFile()).get("pages");
				try (PdfDocument document = renderer.open(pdf)) {
					for (int p = 0; p < document.pageCount(); p++) {
						Map<String, String> fields = new ObjectMapper().convertValue(truth.get(p).get("fields"),
								new TypeReference<Map<String, String>>() {
								});
						RenderedPage page = document.scan(p, PageReader.RENDER_DPI);
						pages.add(new Known(reader.read(p, page), reader.cut(p, page), truth.get(p).get("template").asText(),
								fields));
					}
				}
			}
		}
		assertThat(pages).hasSize(3);
	}

	@Test
	void aPageIsReadAsItsGroundTruthSays() {
		int right = 0;
		int all = 0;
		for (Known page : pages) {
			assertThat(page.read().problem()).isEmpty();
			assertThat(page.read().template()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(page.template()));
			assertThat(page.read().residualPoints()).isLessThan(1.5);
			for (ReadField field : page.read().fields()) {
				all++;
				if (field.value().equals(page.truth().get(field.spec().name()))) {
					right++;
				}
				assertThat(field.confidence()).isBetween(0.0, 1.0);
			}
		}
		assertThat(all).isEqualTo(pages.stream().mapToInt(p -> p.truth().size()).sum());
		assertThat((double) right / all).as("share of fields read right").isGreaterThan(0.85);
	}

	@Test
	void readingIsRecognizingWhatCuttingMakesOfThePage() throws Exception {
		PageReader reader = readers.waitForService(20000);
		for (Known page : pages) {
			assertThat(page.cut().problem()).isEmpty();
			assertThat(page.cut().fields()).hasSameSizeAs(page.read().fields());
			ReadPage recognized = reader.recognize(page.cut());
			assertThat(recognized.fields()).extracting(ReadField::value)
					.containsExactlyElementsOf(page.read().fields().stream().map(ReadField::value).toList());
		}
	}

	@Test
	void aBlankPageIsUnreadableWithItsReasonNotAnException() throws Exception {
		PageReader reader = readers.waitForService(20000);
		RenderedPage blank = new RenderedPage(corpus.resolve("blank.pdf"), 4, 300, 612, 792, GrayImage.blank(2550, 3300),
				RenderedPage.RenderMethod.RENDERED);
		ReadPage read = reader.read(4, blank);
		assertThat(read.problem()).hasValueSatisfying(problem -> assertThat(problem).startsWith("page 5: no known form"));
		assertThat(read.fields()).isEmpty();
	}

	@Test
	void routingDecidesEveryFieldAndFollowsItsConfiguration(@InjectService ConfigurationAdmin configurationAdmin)
			throws Exception {
		List<ReadPage> read = pages.stream().map(Known::read).toList();
		List<PageResult> atDefault = routeAll(read, routing.policy().digitThreshold());
		assertThat(atDefault).hasSize(3).allSatisfy(page -> assertThat(page.fields()).isNotEmpty());
		long acceptedAtDefault = accepted(atDefault);
		assertThat(acceptedAtDefault).isPositive();
		// Fewer fields are certain enough for the highest threshold.
		assertThat(accepted(routeAll(read, 1.0))).isLessThanOrEqualTo(acceptedAtDefault);

		Configuration configuration = configurationAdmin.getConfiguration("com.digitdesk.routing", "?");
		Dictionary<String, Object> settings = new Hashtable<>();
		settings.put("digitThreshold", 0.5);
		try {
			configuration.update(settings);
			Await.until(() -> routing.policy().digitThreshold() == 0.5);
			assertThat(routing.policy().digitThreshold()).isEqualTo(0.5);
			assertThat(accepted(routeAll(read, routing.policy().digitThreshold())))
					.isGreaterThanOrEqualTo(acceptedAtDefault);
		} finally {
			configuration.delete();
		}
	}

	@Test
	void theReaderReadsWithTheRecognizerItIsConfiguredFor(@InjectService ConfigurationAdmin configurationAdmin,
			@InjectService ServiceComponentRuntime scr) throws Exception {
		assertThat(boundRecognizer(scr)).isEqualTo("(recognizer=cnn)");
		PageReader before = readers.waitForService(20000);
		Configuration configuration = configurationAdmin.getConfiguration("com.digitdesk.read", "?");
		Dictionary<String, Object> settings = new Hashtable<>();
		settings.put("recognizer.target", "(recognizer=tesseract)");
		try {
			configuration.update(settings);
			PageReader tesseract = replacement(before);
			assertThat(boundRecognizer(scr)).isEqualTo("(recognizer=tesseract)");
			Path pdf = Files.list(corpus).filter(p -> p.toString().endsWith(".pdf")).sorted().findFirst().orElseThrow();
			try (PdfDocument document = renderer.open(pdf)) {
				ReadPage read = tesseract.read(0, document.scan(0, PageReader.RENDER_DPI));
				assertThat(read.problem()).isEmpty();
				assertThat(read.fields()).isNotEmpty();
			}
			before = tesseract;
		} finally {
			configuration.delete();
		}
		replacement(before);
		assertThat(boundRecognizer(scr)).isEqualTo("(recognizer=cnn)");
	}

	private List<PageResult> routeAll(List<ReadPage> read, double threshold) {
		List<PageResult> results = new ArrayList<>();
		for (List<ReadPage> group : routing.groups(read)) {
			results.addAll(routing.route(group, routing.policy().withThreshold(threshold)));
		}
		return results;
	}

	private static long accepted(List<PageResult> results) {
		return results.stream().flatMap(page -> page.fields().stream()).map(FieldResult::status)
				.filter(FieldStatus.AUTO_ACCEPTED::equals).count();
	}

	/** The target of the page reader's "recognizer" reference, once it is satisfied. */
	private static String boundRecognizer(ServiceComponentRuntime scr) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
				if (!description.name.equals("com.digitdesk.read.ChainedPageReader")) {
					continue;
				}
				for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
					if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
						continue;
					}
					for (var reference : configuration.satisfiedReferences) {
						if (reference.name.equals("recognizer")) {
							return reference.target;
						}
					}
				}
			}
			if (System.currentTimeMillis() > deadline) {
				return "none";
			}
			Thread.sleep(20);
		}
	}

	/** A configuration change re-creates the reader: wait for the new instance. */
	private static PageReader replacement(PageReader old) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline) {
			PageReader current = readers.getService();
			if (current != null && current != old) {
				return current;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the page reader was not re-created");
	}
}
