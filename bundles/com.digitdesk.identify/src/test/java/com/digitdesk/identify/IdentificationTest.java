package com.digitdesk.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.identification.Identification;
import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.register.GeneratedForms;
import com.digitdesk.register.GeneratedForms.Scans;
import com.digitdesk.register.GeneratedForms.TruthPage;
import com.digitdesk.template.JsonTemplateCatalog;

/** Identification of real generated scans of the first designs, of another form and of blank pages. */
class IdentificationTest {

	@TempDir
	static Path corpus;

	static Scans scans;
	static LayoutIdentifier identifier;

	@BeforeAll
	static void generate() throws Exception {
		scans = GeneratedForms.generateFirstDesigns(corpus, 4, 11);
		identifier = new LayoutIdentifier(scans.catalog(), scans.registrar(), configuration());
	}

	@AfterAll
	static void close() {
		scans.close();
	}

	@Test
	void everyPageIsIdentifiedAsItsForm() throws Exception {
		int pages = 0;
		for (Path pdf : scans.pdfs()) {
			List<TruthPage> truth = GeneratedForms.truth(pdf);
			try (PdfDocument document = scans.renderer().open(pdf)) {
				for (int p = 0; p < truth.size(); p++) {
					Identification identification = identifier.identify(document.scan(p, 300));
					assertThat(identification.templateId()).as(pdf + " page " + (p + 1) + ": " + identification.evidence())
							.contains(truth.get(p).template());
					assertThat(identification.evidence()).contains("printed lines found: " + truth.get(p).template())
							.contains("field boxes");
					pages++;
				}
			}
		}
		assertThat(pages).isEqualTo(8);
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
		Path drawn = Files.createDirectory(other.resolve("scans"));
		GeneratedForms.corpus(new JsonTemplateCatalog(templates), drawn, "--pages", "2", "--seed", "3", "--template",
				"f1099-int");
		for (Path pdf : GeneratedForms.pdfs(drawn)) {
			try (PdfDocument document = scans.renderer().open(pdf)) {
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
		try (PdfDocument document = scans.renderer().open(pdf)) {
			RenderedPage page = document.scan(0, 150);
			assertThat(page.method()).isEqualTo(RenderMethod.RENDERED);
			Identification identification = identifier.identify(page);
			assertThat(identification.isKnown()).isFalse();
			assertThat(identification.evidence()).isEqualTo("the page is blank");
		}
	}

	@Test
	void blankPageIsUnknown() throws Exception {
		RenderedPage blank = new RenderedPage(corpus.resolve("blank.pdf"), 0, 100, 612, 792,
				GrayImage.blank(850, 1100), RenderMethod.RENDERED);
		Identification identification = identifier.identify(blank);
		assertThat(identification.isKnown()).isFalse();
		assertThat(identification.evidence()).contains("blank");
	}

	private static IdentificationConfiguration configuration() {
		return new IdentificationConfiguration() {
			@Override
			public Class<? extends Annotation> annotationType() {
				return IdentificationConfiguration.class;
			}

			@Override
			public double minLayoutMatch() {
				return 0.85;
			}

			@Override
			public double minMargin() {
				return 0.2;
			}
		};
	}
}
