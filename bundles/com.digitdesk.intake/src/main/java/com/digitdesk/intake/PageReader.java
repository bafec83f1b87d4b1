package com.digitdesk.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.digitdesk.api.identification.FormIdentifier;
import com.digitdesk.api.identification.Identification;
import com.digitdesk.api.recognition.DatePrior;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.registration.PageRegistrar;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.registration.RegistrationException;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.segmentation.FieldSegmenter;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;

/**
 * Reads one page: which form it is, how it lies on the scan, the glyphs of
 * its fields and what digits they are. All glyphs of a page go to the
 * recognizer in one batch.
 */
final class PageReader {

	/** Resolution for pages that are not a single scan image. */
	static final int RENDER_DPI = 300;

	private final FormIdentifier identifier;
	private final PageRegistrar registrar;
	private final FieldSegmenter segmenter;
	private final TemplateCatalog catalog;
	private final DigitRecognizer recognizer;

	PageReader(FormIdentifier identifier, PageRegistrar registrar, FieldSegmenter segmenter, TemplateCatalog catalog,
			DigitRecognizer recognizer) {
		this.identifier = identifier;
		this.registrar = registrar;
		this.segmenter = segmenter;
		this.catalog = catalog;
		this.recognizer = recognizer;
	}

	/**
	 * A page cut into glyphs, before recognition: its template, how well it
	 * registered and its segmented fields (in template order); or why it
	 * could not be read.
	 */
	record CutPage(int pageIndex, Optional<FormTemplate> template, double residualPoints,
			List<SegmentedField> fields, Optional<String> problem) {

		static CutPage unreadable(int pageIndex, Optional<FormTemplate> template, String problem) {
			return new CutPage(pageIndex, template, 0, List.of(), Optional.of(problem));
		}
	}

	/** @throws RecognitionException when the recognizer cannot run at all */
	ReadPage read(int pageIndex, RenderedPage page) throws RecognitionException {
		CutPage cut = cut(pageIndex, page);
		if (cut.problem().isPresent()) {
			return ReadPage.unreadable(pageIndex, cut.template(), cut.problem().get());
		}
		FormTemplate template = cut.template().orElseThrow();
		List<DigitImage> glyphs = new ArrayList<>();
		for (SegmentedField field : cut.fields()) {
			field.writtenGlyphs().stream().map(Glyph::image).forEach(glyphs::add);
		}
		List<DigitPrediction> predictions = glyphs.isEmpty() ? List.of() : recognizer.recognizeCarefully(glyphs);
		List<ReadField> fields = new ArrayList<>();
		int next = 0;
		for (int i = 0; i < cut.fields().size(); i++) {
			SegmentedField field = cut.fields().get(i);
			int written = field.writtenGlyphs().size();
			FieldSpec spec = template.fields().get(i);
			List<DigitPrediction> read = predictions.subList(next, next + written);
			fields.add(new ReadField(spec, field, DatePrior.forField(spec.kind(), read)));
			next += written;
		}
		return new ReadPage(pageIndex, cut.template(), cut.residualPoints(), fields, Optional.empty());
	}

	/** Identifies, registers and segments a page; recognizes nothing. */
	CutPage cut(int pageIndex, RenderedPage page) {
		Identification identification = identifier.identify(page);
		if (!identification.isKnown()) {
			return CutPage.unreadable(pageIndex, Optional.empty(),
					"page " + (pageIndex + 1) + ": no known form (" + identification.evidence() + ")");
		}
		String templateId = identification.templateId().get();
		Optional<FormTemplate> template = catalog.template(templateId);
		if (template.isEmpty()) {
			return CutPage.unreadable(pageIndex, Optional.empty(),
					"page " + (pageIndex + 1) + ": template " + templateId + " is no longer installed");
		}
		Registration registration;
		try {
			registration = registrar.register(page, template.get());
		} catch (RegistrationException e) {
			return CutPage.unreadable(pageIndex, template,
					"page " + (pageIndex + 1) + ": cannot be registered on " + templateId + ": " + e.getMessage());
		}
		return new CutPage(pageIndex, template, registration.residualPoints(),
				segmenter.segment(page, registration, template.get().fields(), recognizer), Optional.empty());
	}
}
