package com.digitdesk.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.identification.FormIdentifier;
import com.digitdesk.api.identification.Identification;
import com.digitdesk.api.reading.CutPage;
import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.reading.ReadField;
import com.digitdesk.api.reading.ReadPage;
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
 * Reads one page through the services of each step: which form it is, how it
 * lies on the scan, the glyphs of its fields and what digits they are. All
 * glyphs of a page go to the recognizer in one batch; the same recognizer
 * judges where touching digits are cut. Which recognizer that is, is the
 * target of its reference (configuration {@value ReaderConfiguration#PID}).
 */
@Component(configurationPid = ReaderConfiguration.PID, service = PageReader.class)
@Designate(ocd = ReaderConfiguration.class)
public class ChainedPageReader implements PageReader {

	private final FormIdentifier identifier;
	private final PageRegistrar registrar;
	private final FieldSegmenter segmenter;
	private final TemplateCatalog catalog;
	private final DigitRecognizer recognizer;

	@Activate
	public ChainedPageReader(@Reference FormIdentifier identifier, @Reference PageRegistrar registrar,
			@Reference FieldSegmenter segmenter, @Reference TemplateCatalog catalog,
			@Reference(name = "recognizer", target = "(recognizer=cnn)") DigitRecognizer recognizer) {
		this.identifier = identifier;
		this.registrar = registrar;
		this.segmenter = segmenter;
		this.catalog = catalog;
		this.recognizer = recognizer;
	}

	@Override
	public ReadPage recognize(CutPage cut) throws RecognitionException {
		int pageIndex = cut.pageIndex();
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

	@Override
	public CutPage cut(int pageIndex, RenderedPage page) {
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

	@Override
	public String modelId() {
		return recognizer.info().modelId();
	}
}
