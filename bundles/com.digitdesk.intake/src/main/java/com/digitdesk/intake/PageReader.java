package com.digitdesk.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.digitdesk.api.identification.FormIdentifier;
import com.digitdesk.api.identification.Identification;
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

	/** @throws RecognitionException when the recognizer cannot run at all */
	ReadPage read(int pageIndex, RenderedPage page) throws RecognitionException {
		Identification identification = identifier.identify(page);
		if (!identification.isKnown()) {
			return ReadPage.unreadable(pageIndex, Optional.empty(),
					"page " + (pageIndex + 1) + ": no known form (" + identification.evidence() + ")");
		}
		String templateId = identification.templateId().get();
		Optional<FormTemplate> template = catalog.template(templateId);
		if (template.isEmpty()) {
			return ReadPage.unreadable(pageIndex, Optional.empty(),
					"page " + (pageIndex + 1) + ": template " + templateId + " is no longer installed");
		}
		Registration registration;
		try {
			registration = registrar.register(page, template.get());
		} catch (RegistrationException e) {
			return ReadPage.unreadable(pageIndex, template,
					"page " + (pageIndex + 1) + ": cannot be registered on " + templateId + ": " + e.getMessage());
		}
		List<SegmentedField> segmented = segmenter.segment(page, registration, template.get().fields());
		List<DigitImage> glyphs = new ArrayList<>();
		for (SegmentedField field : segmented) {
			field.writtenGlyphs().stream().map(Glyph::image).forEach(glyphs::add);
		}
		List<DigitPrediction> predictions = glyphs.isEmpty() ? List.of() : recognizer.recognize(glyphs);
		List<ReadField> fields = new ArrayList<>();
		int next = 0;
		for (int i = 0; i < segmented.size(); i++) {
			SegmentedField field = segmented.get(i);
			int written = field.writtenGlyphs().size();
			fields.add(new ReadField(template.get().fields().get(i), field, predictions.subList(next, next + written)));
			next += written;
		}
		return new ReadPage(pageIndex, template, registration.residualPoints(), fields, Optional.empty());
	}
}
