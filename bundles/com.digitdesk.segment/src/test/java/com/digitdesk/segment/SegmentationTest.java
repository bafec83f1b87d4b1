package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.register.GeneratedForms;
import com.digitdesk.register.GeneratedForms.Scans;
import com.digitdesk.register.GeneratedForms.TruthPage;

/** Segmentation of real generated scans of the first designs of both forms, registered by the real registrar. */
class SegmentationTest {

	@TempDir
	static Path corpus;

	static Scans scans;
	static List<Path> pdfs;
	final GlyphSegmenter segmenter = new GlyphSegmenter();

	@BeforeAll
	static void generate() throws Exception {
		int pages = Integer.getInteger("segmentation.pages", 4);
		scans = GeneratedForms.generate(corpus.resolve("f1040"), "--pages", "" + pages, "--seed", "11", "--template",
				"f1040-p1");
		GeneratedForms.corpus(scans.catalog(), corpus.resolve("w2"), "--pages", "" + pages, "--seed", "11",
				"--template", "w2");
		pdfs = new ArrayList<>(scans.pdfs());
		pdfs.addAll(GeneratedForms.pdfs(corpus.resolve("w2")));
	}

	@AfterAll
	static void close() {
		scans.close();
	}

	@Test
	void byShapeFieldsAreCutIntoAsManyGlyphsAsDigitsWereWritten() throws Exception {
		int fields = 0;
		int right = 0;
		for (Path pdf : pdfs) {
			List<TruthPage> truth = GeneratedForms.truth(pdf);
			try (PdfDocument document = scans.renderer().open(pdf)) {
				for (int p = 0; p < truth.size(); p++) {
					RenderedPage page = document.scan(p, 300);
					FormTemplate template = scans.catalog().template(truth.get(p).template()).orElseThrow();
					List<SegmentedField> cut = segmenter.segmentByShape(page, scans.registrar().register(page, template),
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
	void cuttingWithAJudgeNeedsOne() throws Exception {
		Path pdf = pdfs.get(0);
		FormTemplate template = scans.catalog().template(GeneratedForms.truth(pdf).get(0).template()).orElseThrow();
		try (PdfDocument document = scans.renderer().open(pdf)) {
			RenderedPage page = document.scan(0, 300);
			assertThatThrownBy(() -> segmenter.segment(page, scans.registrar().register(page, template), template.fields(), null))
					.isInstanceOf(NullPointerException.class).hasMessageContaining("segmentByShape");
		}
	}
}
