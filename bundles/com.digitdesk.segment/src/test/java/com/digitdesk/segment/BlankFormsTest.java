package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.render.PdfBoxRenderer;
import com.digitdesk.template.JsonTemplateCatalog;

/**
 * The official blank pages, rendered and registered on their shipped
 * templates (exactly, and about a point off as registration leaves a scan): nothing
 * printed in or around any field (rules, dotted SSN dividers, labels, dot
 * leaders, line numbers) comes out as a glyph.
 */
class BlankFormsTest {

	private final GlyphSegmenter segmenter = new GlyphSegmenter();
	private static final Path FORMS = Path.of("../com.digitdesk.corpus/src/main/resources/forms");

	@ParameterizedTest
	@CsvSource({ "f1040-2024-page1-blank.pdf, f1040-2024-p1", "fw2-2024-copy2-blank.pdf, w2-2024" })
	void aBlankOfficialPageHasNoGlyphInAnyField(String pdf, String templateId, @TempDir Path empty)
			throws Exception {
		FormTemplate template = new JsonTemplateCatalog(empty).template(templateId).orElseThrow();
		PdfBoxRenderer renderer = new PdfBoxRenderer(100, true);
		try (PdfDocument document = renderer.open(FORMS.resolve(pdf))) {
			for (int dpi : new int[] { 200, 300 }) {
				RenderedPage page = document.scan(0, dpi);
				double s = dpi / 72.0;
				// Rendered, the page is the template; registered as a scan is, up to about a point off.
				for (double[] off : new double[][] { { 0, 0 }, { 0.8, -0.7 }, { -0.7, 0.8 } }) {
					PageTransform transform = new PageTransform(s, 0, off[0] * s, 0, s, off[1] * s);
					List<SegmentedField> fields = segmenter.segmentByShape(page,
							new Registration(templateId, transform, Math.hypot(off[0], off[1]), 4), template.fields());
					for (SegmentedField field : fields) {
						assertThat(field.writtenGlyphs()).as("%s at %d dpi, %s pt off, field %s", pdf, dpi,
								Arrays.toString(off), field.fieldName()).isEmpty();
					}
				}
			}
		} finally {
			renderer.deactivate();
		}
	}

	@Test
	void digitsWrittenOnTheOfficialForm1040AreCutWhereTheyAreWritten(@TempDir Path empty) throws Exception {
		FormTemplate template = new JsonTemplateCatalog(empty).template("f1040-2024-p1").orElseThrow();
		PdfBoxRenderer renderer = new PdfBoxRenderer(100, true);
		try (PdfDocument document = renderer.open(FORMS.resolve("f1040-2024-page1-blank.pdf"))) {
			FieldPainter painter = new FieldPainter(document.scan(0, FieldPainter.DPI), 14);
			TemplateBox ssnBox = box(template, "ssn");
			// Written 3|2|4 between the form's dotted dividers (at about 500.5 and 522 pt), as people do.
			List<double[]> ssn = new ArrayList<>();
			double size = 0.65 * ssnBox.height();
			ssn.addAll(painter.digits("401", ssnBox.x() + 3, ssnBox.centerY(), size, 2.5));
			ssn.addAll(painter.digits("23", 504, ssnBox.centerY(), size, 2.5));
			ssn.addAll(painter.digits("7788", 527, ssnBox.centerY(), size, 3));
			TemplateBox zipBox = box(template, "zip");
			List<double[]> zip = painter.digits("48105", zipBox.x() + 3, zipBox.centerY(), 0.6 * zipBox.height(), 2.5);
			TemplateBox wages = box(template, "line1a");
			List<double[]> dollars = painter.digits("6120", wages.x() + 8, wages.centerY(), 0.7 * wages.height(), 2.5);
			TemplateBox interest = box(template, "line2b");
			List<double[]> whole = painter.digits("86", interest.x() + 20, interest.centerY(), 0.7 * interest.height(),
					2.5);
			painter.point(whole.get(1)[1] + 2.2, interest.centerY() + 0.35 * 0.7 * interest.height());
			List<double[]> cents = painter.digits("50", whole.get(1)[1] + 4.5, interest.centerY(),
					0.7 * interest.height(), 2.5);
			RenderedPage page = painter.page();
			double s = FieldPainter.SCALE;
			List<SegmentedField> fields = segmenter.segmentByShape(page,
					new Registration("f1040-2024-p1", new PageTransform(s, 0, 0.6 * s, 0, s, -0.5 * s), 0.8, 4),
					template.fields());

			for (SegmentedField field : fields) {
				switch (field.fieldName()) {
				case "ssn" -> PrintRemovalTest.assertWrittenAt(field, ssn);
				case "zip" -> PrintRemovalTest.assertWrittenAt(field, zip);
				case "line1a" -> {
					PrintRemovalTest.assertWrittenAt(field, dollars);
					assertThat(field.centsStart()).isEqualTo(4);
				}
				case "line2b" -> {
					PrintRemovalTest.assertWrittenAt(field, List.of(whole.get(0), whole.get(1), cents.get(0), cents.get(1)));
					assertThat(field.centsStart()).isEqualTo(2);
				}
				default -> assertThat(field.writtenGlyphs()).as(field.fieldName()).isEmpty();
				}
			}
		} finally {
			renderer.deactivate();
		}
	}

	private static TemplateBox box(FormTemplate template, String field) {
		return template.fields().stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow().box();
	}
}
