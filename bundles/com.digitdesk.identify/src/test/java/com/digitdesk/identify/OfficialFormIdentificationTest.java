package com.digitdesk.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.identification.Identification;
import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;
import com.digitdesk.register.AnchorRegistrar;
import com.digitdesk.register.OfficialScans;
import com.digitdesk.register.OfficialScans.Placement;
import com.digitdesk.register.OfficialScans.Wear;
import com.digitdesk.register.RegistrationConfiguration;
import com.digitdesk.template.JsonTemplateCatalog;

/**
 * Identification of scans of the official blank Form 1040 page 1 and Form
 * W-2 (2024) among all four shipped templates, and refusal of pages that are
 * none of them.
 */
class OfficialFormIdentificationTest {

	@TempDir
	static Path empty;

	private static TemplateCatalog shipped() {
		return new JsonTemplateCatalog(empty.resolve("none"));
	}

	private static LayoutIdentifier identifier(TemplateCatalog catalog) {
		return new LayoutIdentifier(catalog, registrar(), configuration());
	}

	@Test
	void officialFormsAreIdentifiedAmongTheShippedTemplates() throws Exception {
		TemplateCatalog catalog = shipped();
		LayoutIdentifier identifier = identifier(catalog);
		Random random = new Random(7);
		List<String> report = new ArrayList<>();
		int n = 0;
		for (String id : List.of("f1040-2024-p1", "w2-2024")) {
			Path pdf = id.startsWith("f1040") ? OfficialScans.F1040 : OfficialScans.W2;
			FormTemplate template = catalog.template(id).orElseThrow();
			for (int dpi : new int[] { 200, 300 }) {
				for (boolean bilevel : new boolean[] { false, true }) {
					Placement placement = Placement.random(random);
					RenderedPage page = OfficialScans.scan(pdf, template, dpi, placement, Wear.heavy(bilevel), n++);
					long start = System.nanoTime();
					Identification identification = identifier.identify(page);
					report.add(String.format("%s %d dpi %s: %s, %d ms", id, dpi, bilevel ? "bilevel" : "gray",
							identification.evidence(), (System.nanoTime() - start) / 1_000_000));
					assertThat(identification.templateId()).as(report.get(report.size() - 1)).contains(id);
					assertThat(identification.evidence()).startsWith("printed lines found: " + id)
							.contains("rules").contains("field edges");
				}
			}
		}
		report.forEach(System.out::println);
	}

	@Test
	void anOfficialFormWhoseTemplateIsNotLoadedIsUnknown() throws Exception {
		for (String id : List.of("f1040-2024-p1", "w2-2024")) {
			TemplateCatalog all = shipped();
			TemplateCatalog others = new Without(all, id);
			Path pdf = id.startsWith("f1040") ? OfficialScans.F1040 : OfficialScans.W2;
			RenderedPage page = OfficialScans.scan(pdf, all.template(id).orElseThrow(), 200,
					new Placement(1.5, -4, 6, 0.99), Wear.heavy(true), 3);
			Identification identification = identifier(others).identify(page);
			System.out.println(id + " without its template: " + identification.evidence());
			assertThat(identification.isKnown()).as(identification.evidence()).isFalse();
			assertThat(identification.evidence()).startsWith("no known form");
		}
	}

	@Test
	void aRuledPageOfAnotherKindIsUnknown() throws Exception {
		// Ledger paper: full-width rules every 18 points and four columns, the kind of page that has rules everywhere.
		int dpi = 200;
		double scale = dpi / 72.0;
		BufferedImage image = new BufferedImage((int) Math.round(612 * scale), (int) Math.round(792 * scale),
				BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.scale(scale, scale);
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(0.75f));
		for (double y = 40; y < 760; y += 18) {
			g.draw(new Line2D.Double(36, y, 576, y));
		}
		for (double x : new double[] { 36, 200, 380, 576 }) {
			g.draw(new Line2D.Double(x, 40, x, 760));
		}
		g.dispose();
		byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		RenderedPage page = new RenderedPage(Path.of("ledger.pdf"), 0, dpi, 612, 792,
				new GrayImage(image.getWidth(), image.getHeight(), pixels), RenderMethod.RENDERED);
		Identification identification = identifier(shipped()).identify(page);
		System.out.println("ledger: " + identification.evidence());
		assertThat(identification.isKnown()).as(identification.evidence()).isFalse();
	}

	@Test
	void aBlankScannedPageIsUnknown() throws Exception {
		TemplateCatalog catalog = shipped();
		RenderedPage page = OfficialScans.scan(null, null, 300, new Placement(0, 0, 0, 1),
				new Wear(false, true, 400, false, 0), 9);
		Identification identification = identifier(catalog).identify(page);
		assertThat(identification.isKnown()).isFalse();
		assertThat(identification.evidence()).isEqualTo("the page is blank");
	}

	/** The shipped templates but one. */
	private record Without(TemplateCatalog all, String id) implements TemplateCatalog {

		@Override
		public List<FormTemplate> templates() {
			return all.templates().stream().filter(t -> !t.id().equals(id)).toList();
		}

		@Override
		public Optional<FormTemplate> template(String wanted) {
			return wanted.equals(id) ? Optional.empty() : all.template(wanted);
		}

		@Override
		public List<String> loadProblems() {
			return all.loadProblems();
		}
	}

	private static AnchorRegistrar registrar() {
		return new AnchorRegistrar(new RegistrationConfiguration() {
			@Override
			public Class<? extends Annotation> annotationType() {
				return RegistrationConfiguration.class;
			}

			@Override
			public double maxResidualPoints() {
				return 2.0;
			}

			@Override
			public double maxRotationDegrees() {
				return 8.0;
			}
		});
	}

	static IdentificationConfiguration configuration() {
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
