package com.digitdesk.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.render.PdfBoxRenderer;
import com.digitdesk.template.JsonTemplateCatalog;

/**
 * Drafts templates from the official blank forms and compares the drafted
 * boxes with the shipped templates' field boxes, made by hand from the IRS's
 * fillable PDFs.
 */
class TemplateDrafterTest {

	private static final Path FORMS = Path.of("../com.digitdesk.corpus/src/main/resources/forms");
	/** How far (points) each edge of a drafted box may be from the shipped box. */
	private static final double TOLERANCE = 2;

	@TempDir
	Path directory;

	@Test
	void draftsTheForm1040Page1() throws Exception {
		Figures figures = compare("f1040-2024-page1-blank.pdf", "f1040-2024-p1");
		assertThat(figures.unmatched()).isEmpty();
	}

	@Test
	void draftsTheW2() throws Exception {
		Figures figures = compare("fw2-2024-copy2-blank.pdf", "w2-2024");
		assertThat(figures.unmatched()).isEmpty();
	}

	private record Figures(int shipped, List<String> unmatched, int drafted, int extra) {
	}

	private Figures compare(String pdf, String shippedId) throws Exception {
		FormTemplate draft = draftAndLoad(FORMS.resolve(pdf));
		FormTemplate shipped = new JsonTemplateCatalog(directory).template(shippedId).orElseThrow();
		List<String> unmatched = new ArrayList<>();
		List<FieldSpec> used = new ArrayList<>();
		for (FieldSpec field : shipped.fields()) {
			FieldSpec match = draft.fields().stream().filter(d -> near(d.box(), field.box())).findFirst().orElse(null);
			if (match == null) {
				unmatched.add(field.name() + " " + field.box());
			} else {
				used.add(match);
			}
		}
		Figures figures = new Figures(shipped.fields().size(), unmatched, draft.fields().size(),
				draft.fields().size() - used.size());
		System.out.printf("%s: %d of %d shipped fields matched by a drafted box within %.0f pt; %d drafted boxes, %d"
				+ " extra; anchors %s%nunmatched: %s%n", pdf, figures.shipped() - unmatched.size(), figures.shipped(),
				TOLERANCE, figures.drafted(), figures.extra(), draft.anchors().size(), unmatched);
		return figures;
	}

	/** Drafts page 1, writes the draft into the template directory and loads it as an admin's template. */
	private FormTemplate draftAndLoad(Path pdf) throws Exception {
		RenderedPage page;
		try (PdfDocument document = new PdfBoxRenderer(100, true).open(pdf)) {
			page = document.render(0, TemplateDraftCommand.DPI);
		}
		TemplateDraft draft = TemplateDrafter.draft(page, "draft-" + TemplateDraftCommand.id(pdf), "draft",
				TemplateDrafter.LabelReader.NONE);
		String json = DraftJson.write(draft);
		Files.writeString(directory.resolve(draft.id() + ".json"), json);
		Files.writeString(Path.of("target", draft.id() + ".json"), json);
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(directory);
		assertThat(catalog.loadProblems()).isEmpty();
		return catalog.template(draft.id()).orElseThrow();
	}

	private static boolean near(TemplateBox a, TemplateBox b) {
		return Math.abs(a.x() - b.x()) <= TOLERANCE && Math.abs(a.y() - b.y()) <= TOLERANCE
				&& Math.abs(a.right() - b.right()) <= TOLERANCE && Math.abs(a.bottom() - b.bottom()) <= TOLERANCE;
	}
}
