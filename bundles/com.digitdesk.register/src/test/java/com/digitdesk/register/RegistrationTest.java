package com.digitdesk.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.registration.RegistrationException;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.register.GeneratedForms.Scans;
import com.digitdesk.register.GeneratedForms.TruthPage;

/** Registration on real generated scans of the first designs (square marks). */
class RegistrationTest {

	@TempDir
	static Path corpus;

	static Scans scans;

	@BeforeAll
	static void generate() throws Exception {
		scans = GeneratedForms.generateFirstDesigns(corpus, 4, 11);
	}

	@AfterAll
	static void close() {
		scans.close();
	}

	@Test
	void everyPageIsRegisteredWithItsRotation() throws Exception {
		int pages = 0;
		for (Path pdf : scans.pdfs()) {
			List<TruthPage> truth = GeneratedForms.truth(pdf);
			try (PdfDocument document = scans.renderer().open(pdf)) {
				for (int p = 0; p < truth.size(); p++) {
					RenderedPage page = document.scan(p, 300);
					assertThat(page.method()).isEqualTo(RenderMethod.EMBEDDED_IMAGE);
					Registration registration = scans.registrar().register(page, scans.catalog().template(truth.get(p).template()).orElseThrow());
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
		Path pdf = scans.pdfs().get(0);
		TruthPage truth = GeneratedForms.truth(pdf).get(0);
		FormTemplate template = scans.catalog().template(truth.template()).orElseThrow();
		try (PdfDocument document = scans.renderer().open(pdf)) {
			RenderedPage page = document.scan(0, 300);
			Registration clean = scans.registrar().register(page, template);
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

			Registration registration = scans.registrar().register(damaged, template);
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
	void aBlankPageCannotBeRegistered() {
		RenderedPage blank = new RenderedPage(corpus.resolve("blank.pdf"), 0, 100, 612, 792,
				GrayImage.blank(850, 1100), RenderMethod.RENDERED);
		assertThatThrownBy(() -> scans.registrar().register(blank, scans.catalog().template("w2").orElseThrow()))
				.isInstanceOf(RegistrationException.class).hasMessageContaining("found only 0 of 4 registration marks");
	}
}
