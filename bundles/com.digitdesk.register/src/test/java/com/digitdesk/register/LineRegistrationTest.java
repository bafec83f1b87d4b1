package com.digitdesk.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.registration.RegistrationException;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.register.OfficialScans.Placement;
import com.digitdesk.register.OfficialScans.Wear;
import com.digitdesk.template.JsonTemplateCatalog;

/**
 * Registration on the printed rules alone, on scans of the official blank
 * Form 1040 page 1 and Form W-2 placed with a known rotation, shift and scale:
 * the fitted transform must put every field box's corners within half a
 * point of the truth.
 */
class LineRegistrationTest {

	@TempDir
	static Path empty;

	private static final AnchorRegistrar REGISTRAR = GeneratedForms.registrar();

	private static FormTemplate template(String id) {
		return new JsonTemplateCatalog(empty.resolve("none")).template(id).orElseThrow();
	}

	@Test
	void form1040IsRegisteredOnItsRulesToHalfAPoint() throws Exception {
		registersWithin(OfficialScans.F1040, template("f1040-2024-p1"), 1040);
	}

	@Test
	void formW2IsRegisteredOnItsRulesToHalfAPoint() throws Exception {
		registersWithin(OfficialScans.W2, template("w2-2024"), 2);
	}

	/** Both resolutions, gray and bilevel, worn and clean, the extreme placements and random ones. */
	private static void registersWithin(Path pdf, FormTemplate template, long seed) throws Exception {
		Random random = new Random(seed);
		List<Placement> placements = new ArrayList<>(List.of(new Placement(3, 12, -12, 1.03),
				new Placement(-3, -12, 12, 0.97), new Placement(0, 0, 0, 1)));
		for (int i = 0; i < 5; i++) {
			placements.add(Placement.random(random));
		}
		List<String> report = new ArrayList<>();
		double worst = 0;
		int n = 0;
		for (Placement placement : placements) {
			for (int dpi : new int[] { 200, 300 }) {
				boolean bilevel = n++ % 2 == 0;
				Wear wear = placement.rotationDegrees() == 0 ? Wear.CLEAN : Wear.heavy(bilevel);
				RenderedPage page = OfficialScans.scan(pdf, template, dpi, placement, wear, seed + n);
				long start = System.nanoTime();
				Registration registration = REGISTRAR.register(page, template);
				long millis = (System.nanoTime() - start) / 1_000_000;
				double error = OfficialScans.maxCornerError(registration.transform(), placement.transform(dpi),
						template);
				report.add(String.format("%s %d dpi %s %s: error %.3f pt, residual %.3f pt, %d anchors, %d ms",
						template.id(), dpi, bilevel ? "bilevel" : "gray", placement, error,
						registration.residualPoints(), registration.anchorsUsed(), millis));
				worst = Math.max(worst, error);
				assertThat(registration.anchorsUsed()).as(report.get(report.size() - 1))
						.isEqualTo(template.anchors().size());
			}
		}
		report.forEach(System.out::println);
		assertThat(worst).as(String.join("\n", report)).isLessThan(0.5);
	}

	@Test
	void aPageCutOffAboveTheIncomeSectionIsRefusedNamingTheRulesNotFound() throws Exception {
		FormTemplate template = template("f1040-2024-p1");
		RenderedPage page = OfficialScans.scan(OfficialScans.F1040, template, 200, new Placement(1, 0, 0, 1),
				Wear.CLEAN, 5);
		RenderedPage cut = Pages.whitenedBelow(page, (int) (400 * page.pixelsPerPoint()));
		assertThatThrownBy(() -> REGISTRAR.register(cut, template)).isInstanceOf(RegistrationException.class)
				.hasMessageContaining("registration anchors of template f1040-2024-p1")
				.hasMessageContaining("bottom rule, line number column, deduction box");
	}

	@Test
	void aFormW2WithAColumnRuleGoneIsRegisteredOnTheOthers() throws Exception {
		FormTemplate template = template("w2-2024");
		Placement placement = new Placement(-2, 5, 7, 1.01);
		RenderedPage page = OfficialScans.scan(OfficialScans.W2, template, 300, placement, Wear.heavy(false), 5);
		RenderedPage erased = Pages.erased(page, placement.transform(300), template.anchors().get(4).box(), 2);
		Registration registration = REGISTRAR.register(erased, template);
		assertThat(registration.anchorsUsed()).isEqualTo(5);
		assertThat(OfficialScans.maxCornerError(registration.transform(), placement.transform(300), template))
				.isLessThan(0.5);
	}

	@Test
	void squareMarksJoinTheRulesWhenATemplateHasBoth() throws Exception {
		FormTemplate w2 = template("w2-2024");
		List<Anchor> anchors = new ArrayList<>(w2.anchors());
		anchors.add(new Anchor("left mark", Anchor.Kind.SQUARE_MARK, new TemplateBox(40, 500, 14, 14)));
		anchors.add(new Anchor("right mark", Anchor.Kind.SQUARE_MARK, new TemplateBox(558, 500, 14, 14)));
		FormTemplate marked = new FormTemplate("w2-marked", w2.title(), w2.widthPoints(), w2.heightPoints(), anchors,
				w2.fields(), w2.rules());
		Placement placement = new Placement(2.5, -9, 4, 0.98);
		RenderedPage page = OfficialScans.scan(OfficialScans.W2, w2, 200, placement, Wear.heavy(true), 8);
		for (Anchor mark : anchors.subList(6, 8)) {
			page = Pages.painted(page, placement.transform(200), mark.box(), 0, GrayImage.BLACK);
		}
		Registration registration = REGISTRAR.register(page, marked);
		assertThat(registration.anchorsUsed()).isEqualTo(8);
		assertThat(OfficialScans.maxCornerError(registration.transform(), placement.transform(200), marked))
				.isLessThan(0.5);
	}

	@Test
	void anAnchorTwoPointsOffItsRuleIsLeftOutAndTheOthersRegister() throws Exception {
		FormTemplate w2 = template("w2-2024");
		List<Anchor> anchors = new ArrayList<>(w2.anchors());
		TemplateBox column = anchors.get(4).box();
		anchors.set(4, new Anchor("box 1 column", Anchor.Kind.VERTICAL_LINE,
				new TemplateBox(column.x() + 2, column.y(), column.width(), column.height())));
		FormTemplate misdrawn = new FormTemplate("w2-misdrawn", w2.title(), w2.widthPoints(), w2.heightPoints(),
				anchors, w2.fields(), w2.rules());
		Placement placement = new Placement(-1.5, 6, -8, 1.02);
		RenderedPage page = OfficialScans.scan(OfficialScans.W2, w2, 300, placement, Wear.heavy(false), 4);
		Registration registration = REGISTRAR.register(page, misdrawn);
		assertThat(registration.anchorsUsed()).isEqualTo(5);
		assertThat(OfficialScans.maxCornerError(registration.transform(), placement.transform(300), misdrawn))
				.isLessThan(0.5);
	}

	@Test
	void aFormWithOneVerticalRuleIsRegisteredAtTheScaleItsHorizontalRulesShow() throws Exception {
		FormTemplate w2 = template("w2-2024");
		// The one vertical rule kept is the form's left edge, alone at the margin: a single vertical anchor
		// among column rules a few points apart could be taken for its neighbour, with nothing to tell them apart.
		List<Anchor> anchors = w2.anchors().stream().filter(anchor -> anchor.kind() == Anchor.Kind.HORIZONTAL_LINE
				|| anchor.name().equals("left edge")).toList();
		FormTemplate oneColumn = new FormTemplate("w2-one-column", w2.title(), w2.widthPoints(), w2.heightPoints(),
				anchors, w2.fields(), w2.rules());
		for (Placement placement : List.of(new Placement(2.5, -10, 8, 1.03), new Placement(-1, 7, -5, 0.97))) {
			RenderedPage page = OfficialScans.scan(OfficialScans.W2, w2, 200, placement, Wear.heavy(true), 9);
			Registration registration = REGISTRAR.register(page, oneColumn);
			assertThat(registration.anchorsUsed()).isEqualTo(3);
			assertThat(OfficialScans.maxCornerError(registration.transform(), placement.transform(200), oneColumn))
					.as(placement.toString()).isLessThan(0.5);
		}
	}

	@Test
	void aBlankPageIsRefused() throws Exception {
		FormTemplate template = template("w2-2024");
		RenderedPage page = OfficialScans.scan(null, template, 200, new Placement(0, 0, 0, 1), Wear.CLEAN, 5);
		assertThatThrownBy(() -> REGISTRAR.register(page, template)).isInstanceOf(RegistrationException.class)
				.hasMessageContaining("found only 0 of 6 registration anchors of template w2-2024");
	}
}
