package com.digitdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.identification.Identification;
import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.registration.RegistrationException;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.forms.GeneratedForms.TruthPage;
import com.digitdesk.render.PdfBoxRenderer;
import com.digitdesk.template.JsonTemplateCatalog;

/** Identification, registration and segmentation on real generated scans of both shipped forms. */
class FormReadingTest {

	@TempDir
	static Path corpus;

	static JsonTemplateCatalog catalog;
	static PdfBoxRenderer renderer;
	static AnchorRegistrar registrar;
	static LayoutIdentifier identifier;

	@BeforeAll
	static void generate() throws Exception {
		catalog = new JsonTemplateCatalog(corpus.resolve("no-templates"));
		GeneratedForms.corpus(catalog, corpus, "--pages", "8", "--seed", "11");
		renderer = GeneratedForms.renderer();
		registrar = new AnchorRegistrar(GeneratedForms.registration());
		identifier = new LayoutIdentifier(catalog, registrar, GeneratedForms.identification());
	}

	@AfterAll
	static void close() {
		renderer.deactivate();
	}

	static List<Path> pdfs(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
		}
	}

	@Test
	void everyPageIsIdentifiedAndRegisteredWithItsRotation() throws Exception {
		int pages = 0;
		for (Path pdf : pdfs(corpus)) {
			List<TruthPage> truth = GeneratedForms.truth(pdf);
			try (PdfDocument document = renderer.open(pdf)) {
				for (int p = 0; p < truth.size(); p++) {
					RenderedPage page = document.scan(p, 300);
					assertThat(page.method()).isEqualTo(RenderMethod.EMBEDDED_IMAGE);
					Identification identification = identifier.identify(page);
					assertThat(identification.templateId()).as(pdf + " page " + (p + 1) + ": " + identification.evidence())
							.contains(truth.get(p).template());
					Registration registration = registrar.register(page, catalog.template(truth.get(p).template()).orElseThrow());
					assertThat(registration.residualPoints()).isLessThan(0.5);
					assertThat(registration.anchorsUsed()).isEqualTo(4);
					assertThat(registration.transform().rotationDegrees()).isCloseTo(truth.get(p).rotationDegrees(),
							within(0.1));
					pages++;
				}
			}
		}
		assertThat(pages).isEqualTo(8);
	}

	@Test
	void aMarkCutOffAtThePageEdgeWithOtherInkInItsPlaceLeavesThreeMarksToRegisterOn() throws Exception {
		Path pdf = pdfs(corpus).get(0);
		TruthPage truth = GeneratedForms.truth(pdf).get(0);
		FormTemplate template = catalog.template(truth.template()).orElseThrow();
		try (PdfDocument document = renderer.open(pdf)) {
			RenderedPage page = document.scan(0, 300);
			Registration clean = registrar.register(page, template);
			// The top-right mark goes (as past the page's edge), and a square blot lies 30 points off its place.
			TemplateBox mark = template.anchors().get(1).box();
			double scale = clean.transform().scale();
			int markX = (int) clean.transform().pixelX(mark.centerX(), mark.centerY());
			int markY = (int) clean.transform().pixelY(mark.centerX(), mark.centerY());
			GrayImage image = page.image();
			byte[] pixels = image.pixels();
			paint(pixels, image.width(), markX, markY, (int) (14 * scale), GrayImage.WHITE);
			paint(pixels, image.width(), markX - (int) (30 * scale), markY + (int) (25 * scale), (int) (7 * scale),
					GrayImage.BLACK);
			RenderedPage damaged = new RenderedPage(page.source(), 0, page.dpi(), page.widthPoints(),
					page.heightPoints(), new GrayImage(image.width(), image.height(), pixels), page.method());

			Registration registration = registrar.register(damaged, template);
			assertThat(registration.anchorsUsed()).isEqualTo(3);
			assertThat(registration.transform().rotationDegrees()).isCloseTo(truth.rotationDegrees(), within(0.1));
			assertThat(registration.transform().pixelX(300, 400)).isCloseTo(clean.transform().pixelX(300, 400),
					within(2.0));
		}
	}

	/** Fills a square of half-side {@code half} around (x, y) with one gray. */
	private static void paint(byte[] pixels, int width, int x, int y, int half, int gray) {
		int height = pixels.length / width;
		for (int row = Math.max(0, y - half); row <= Math.min(height - 1, y + half); row++) {
			for (int column = Math.max(0, x - half); column <= Math.min(width - 1, x + half); column++) {
				pixels[row * width + column] = (byte) gray;
			}
		}
	}

	@Test
	void fieldsAreCutIntoAsManyGlyphsAsDigitsWereWritten() throws Exception {
		int fields = 0;
		int right = 0;
		GlyphSegmenter segmenter = new GlyphSegmenter();
		for (Path pdf : pdfs(corpus)) {
			List<TruthPage> truth = GeneratedForms.truth(pdf);
			try (PdfDocument document = renderer.open(pdf)) {
				for (int p = 0; p < truth.size(); p++) {
					RenderedPage page = document.scan(p, 300);
					FormTemplate template = catalog.template(truth.get(p).template()).orElseThrow();
					List<SegmentedField> cut = segmenter.segment(page, registrar.register(page, template),
							template.fields());
					for (int f = 0; f < cut.size(); f++) {
						FieldSpec spec = template.fields().get(f);
						String value = truth.get(p).fields().get(spec.name());
						SegmentedField field = cut.get(f);
						fields++;
						if (spec.isCellField()) {
							assertThat(field.glyphs()).hasSize(spec.cells());
						}
						int dollars = value.indexOf('.');
						boolean countRight = field.writtenGlyphs().size() == value.replace(".", "").length()
								&& (spec.kind() != FieldKind.AMOUNT || value.isEmpty() || field.centsStart() == dollars);
						if (countRight) {
							right++;
						}
						for (var glyph : field.writtenGlyphs()) {
							assertThat(page.image().width()).isGreaterThanOrEqualTo(glyph.pageBox().right());
						}
					}
				}
			}
		}
		assertThat(fields).isGreaterThan(60);
		assertThat((double) right / fields).as(right + " of " + fields + " fields").isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void formNotInTheTemplateSetIsReportedUnknown(@TempDir Path other) throws Exception {
		// A third form: same corner marks, its fields elsewhere. Drawn with a catalog that knows it, read with one that does not.
		Path templates = Files.createDirectory(other.resolve("templates"));
		String w2 = new String(JsonTemplateCatalog.class.getResourceAsStream("/templates/w2.json").readAllBytes());
		Files.writeString(templates.resolve("f1099.json"), w2.replace("\"id\": \"w2\"", "\"id\": \"f1099-int\"")
				.replace("Form W-2 Wage and Tax Statement", "Form 1099-INT Interest Income")
				.replace("\"x\": 64, \"y\": 120", "\"x\": 300, \"y\": 560")
				.replace("\"x\": 64, \"y\": 184", "\"x\": 300, \"y\": 620")
				.replace("\"x\": 330, \"y\": 320", "\"x\": 200, \"y\": 250")
				.replace("\"x\": 64, \"y\": 320", "\"x\": 200, \"y\": 140"));
		Path scans = Files.createDirectory(other.resolve("scans"));
		GeneratedForms.corpus(new JsonTemplateCatalog(templates), scans, "--pages", "2", "--seed", "3", "--template",
				"f1099-int");
		for (Path pdf : pdfs(scans)) {
			try (PdfDocument document = renderer.open(pdf)) {
				Identification identification = identifier.identify(document.scan(0, 300));
				assertThat(identification.isKnown()).as(identification.evidence()).isFalse();
				assertThat(identification.evidence()).contains("no known form");
			}
		}
	}

	@Test
	void pageWithNoImageAndNoTextIsABlankUnknownPage(@TempDir Path other) throws Exception {
		Path pdf = other.resolve("empty-page.pdf");
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.LETTER));
			document.save(pdf.toFile());
		}
		try (PdfDocument document = renderer.open(pdf)) {
			RenderedPage page = document.scan(0, 150);
			assertThat(page.method()).isEqualTo(RenderMethod.RENDERED);
			Identification identification = identifier.identify(page);
			assertThat(identification.isKnown()).isFalse();
			assertThat(identification.evidence()).isEqualTo("the page is blank");
		}
	}

	@Test
	void blankPageIsUnknownAndCannotBeRegistered() throws Exception {
		RenderedPage blank = new RenderedPage(corpus.resolve("blank.pdf"), 0, 100, 612, 792,
				GrayImage.blank(850, 1100), RenderMethod.RENDERED);
		Identification identification = identifier.identify(blank);
		assertThat(identification.isKnown()).isFalse();
		assertThat(identification.evidence()).contains("blank");
		assertThatThrownBy(() -> registrar.register(blank, catalog.template("w2").orElseThrow()))
				.isInstanceOf(RegistrationException.class).hasMessageContaining("found only 0 of 4 registration marks");
	}
}
