package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.identification.FormIdentifier;
import com.digitdesk.api.identification.Identification;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.recognition.RecognizerInfo;
import com.digitdesk.api.registration.PageRegistrar;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.segmentation.FieldSegmenter;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Identification, registration and segmentation through their contracts, on
 * generated scans: each page is identified as its form, registered with its
 * rotation, and cut into as many glyphs as were written, with the CNN
 * judging wide blobs and by shape alone.
 */
@ExtendWith(ServiceExtension.class)
class FormStagesTest {

	@InjectService(filter = "(digitdesk.command=corpus)", timeout = 10000)
	Subcommand corpusCommand;

	@InjectService(timeout = 10000)
	PageRenderer renderer;

	@InjectService(timeout = 10000)
	TemplateCatalog catalog;

	@InjectService(timeout = 10000)
	FormIdentifier identifier;

	@InjectService(timeout = 10000)
	PageRegistrar registrar;

	@InjectService(timeout = 10000)
	FieldSegmenter segmenter;

	@InjectService(filter = "(recognizer=cnn)", timeout = 30000)
	DigitRecognizer cnn;

	@Test
	void generatedPagesAreIdentifiedRegisteredAndCutWithAndWithoutAJudge(@TempDir Path corpus) throws Exception {
		assertThat(corpusCommand.run(new CommandContext(
				List.of("--out", corpus.toString(), "--pages", "6", "--seed", "21"),
				new PrintStream(new ByteArrayOutputStream()), System.err, Path.of("."), false))).isZero();
		AtomicInteger judged = new AtomicInteger();
		DigitRecognizer judge = counting(cnn, judged);
		int pages = 0;
		int fields = 0;
		int judgedRight = 0;
		int shapeRight = 0;
		for (Path pdf : pdfs(corpus)) {
			JsonNode truth = new ObjectMapper().readTree(pdf.resolveSibling(
					pdf.getFileName().toString().replace(".pdf", ".json")).toFile());
			try (PdfDocument document = renderer.open(pdf)) {
				for (int p = 0; p < document.pageCount(); p++) {
					JsonNode expected = truth.get("pages").get(p);
					String where = pdf.getFileName() + " page " + (p + 1);
					RenderedPage page = document.scan(p, 300);

					Identification identification = identifier.identify(page);
					assertThat(identification.templateId()).as(where + ": " + identification.evidence())
							.contains(expected.get("template").asText());
					FormTemplate template = catalog.template(identification.templateId().orElseThrow()).orElseThrow();

					Registration registration = registrar.register(page, template);
					assertThat(registration.anchorsUsed()).as(where).isEqualTo(4);
					assertThat(registration.residualPoints()).as(where).isLessThan(0.5);
					assertThat(registration.transform().rotationDegrees()).as(where)
							.isCloseTo(expected.path("scan").path("rotation_degrees").asDouble(),
									within(0.1));

					List<SegmentedField> withJudge = segmenter.segment(page, registration, template.fields(), judge);
					List<SegmentedField> byShape = segmenter.segmentByShape(page, registration, template.fields());
					assertThat(withJudge).hasSameSizeAs(template.fields());
					assertThat(byShape).hasSameSizeAs(template.fields());
					for (int f = 0; f < template.fields().size(); f++) {
						FieldSpec spec = template.fields().get(f);
						String value = expected.get("fields").get(spec.name()).asText();
						fields++;
						judgedRight += countRight(spec, value, withJudge.get(f)) ? 1 : 0;
						shapeRight += countRight(spec, value, byShape.get(f)) ? 1 : 0;
					}
					pages++;
				}
			}
		}
		assertThat(pages).isEqualTo(6);
		assertThat(judged.get()).as("glyphs the judge was asked about").isPositive();
		assertThat((double) judgedRight / fields).as(judgedRight + " of " + fields + " fields").isGreaterThanOrEqualTo(0.95);
		assertThat((double) shapeRight / fields).as(shapeRight + " of " + fields + " fields").isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void theNormalizerFitsAGlyphInto20PixelsCentredByItsMass(@InjectService DigitNormalizer normalizer) {
		// A 10x60 bar far from the centre of a 100x100 cut.
		byte[] ink = new byte[100 * 100];
		for (int y = 5; y < 65; y++) {
			for (int x = 70; x < 80; x++) {
				ink[y * 100 + x] = (byte) 255;
			}
		}
		DigitImage glyph = normalizer.normalize(100, 100, ink);
		int top = DigitImage.SIDE;
		int bottom = -1;
		double mass = 0;
		double sumX = 0;
		for (int y = 0; y < DigitImage.SIDE; y++) {
			for (int x = 0; x < DigitImage.SIDE; x++) {
				if (glyph.ink(x, y) > 0) {
					top = Math.min(top, y);
					bottom = Math.max(bottom, y);
				}
				mass += glyph.ink(x, y);
				sumX += glyph.ink(x, y) * x;
			}
		}
		assertThat(bottom - top + 1).isBetween(20, 21);
		assertThat(sumX / mass).isBetween(12.5, 14.5);
		assertThat(normalizer.normalize(5, 5, new byte[25])).isEqualTo(DigitImage.blank());
	}

	/** As many glyphs as the value has digits, and an amount's cents where its dot is. */
	private static boolean countRight(FieldSpec spec, String value, SegmentedField field) {
		if (spec.isCellField() && field.glyphs().size() != spec.cells()) {
			return false;
		}
		return field.writtenGlyphs().size() == value.replace(".", "").length()
				&& (spec.kind() != FieldKind.AMOUNT || value.isEmpty() || field.centsStart() == value.indexOf('.'));
	}

	/** The CNN, counting the glyphs it is asked about. */
	private static DigitRecognizer counting(DigitRecognizer recognizer, AtomicInteger glyphs) {
		return new DigitRecognizer() {
			@Override
			public List<DigitPrediction> recognize(List<DigitImage> batch) throws RecognitionException {
				glyphs.addAndGet(batch.size());
				return recognizer.recognize(batch);
			}

			@Override
			public List<DigitPrediction> recognizeCarefully(List<DigitImage> batch) throws RecognitionException {
				glyphs.addAndGet(batch.size());
				return recognizer.recognizeCarefully(batch);
			}

			@Override
			public RecognizerInfo info() {
				return recognizer.info();
			}
		};
	}

	private static List<Path> pdfs(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
		}
	}
}
