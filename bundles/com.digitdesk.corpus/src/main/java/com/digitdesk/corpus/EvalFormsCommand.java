package com.digitdesk.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.ProcessFigures;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.identification.FormIdentifier;
import com.digitdesk.api.identification.Identification;
import com.digitdesk.api.recognition.DatePrior;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.registration.PageRegistrar;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.registration.RegistrationException;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.segmentation.FieldSegmenter;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code digitdesk eval-forms DIR}: runs identification, registration,
 * segmentation and recognition over a corpus and scores them against its
 * ground truth; times the same PDFs through pdftoppm in the same run.
 */
@Component(service = Subcommand.class, property = "digitdesk.command=eval-forms")
public class EvalFormsCommand implements Subcommand {

	/** Resolution for pages that are not a single scan image. */
	static final int RENDER_DPI = 300;

	private final PageRenderer renderer;
	private final FormIdentifier identifier;
	private final PageRegistrar registrar;
	private final FieldSegmenter segmenter;
	private final TemplateCatalog catalog;
	private final DigitRecognizer recognizer;

	@Activate
	public EvalFormsCommand(@Reference PageRenderer renderer, @Reference FormIdentifier identifier,
			@Reference PageRegistrar registrar, @Reference FieldSegmenter segmenter,
			@Reference TemplateCatalog catalog, @Reference(target = "(recognizer=cnn)") DigitRecognizer recognizer) {
		this.renderer = renderer;
		this.identifier = identifier;
		this.registrar = registrar;
		this.segmenter = segmenter;
		this.catalog = catalog;
		this.recognizer = recognizer;
	}

	@Override
	public String summary() {
		return "read a generated corpus page by page and score it against its ground truth";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk eval-forms DIR [--json] [--no-pdftoppm]

				Reads every NAME.pdf in DIR that has a NAME.json ground truth (as
				written by digitdesk corpus): identifies each page, registers it,
				cuts its fields into glyphs and recognizes them with the CNN, one
				page at a time. Prints the identified and registered rates,
				segmentation count accuracy, digit and field accuracy, pages per
				second end to end, and the render-to-glyphs time per page against
				pdftoppm -r 300 -gray on the same files in the same run.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of(), Set.of("--json", "--no-pdftoppm"));
			if (options.positional().size() != 1) {
				throw new IllegalArgumentException("give one corpus directory");
			}
		} catch (IllegalArgumentException e) {
			context.err().println("eval-forms: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		Path directory = context.resolve(options.positional().get(0));
		if (!Files.isDirectory(directory)) {
			context.err().println("eval-forms: " + directory + " is not a directory");
			return 2;
		}
		List<Path> pdfs = corpusFiles(directory);
		if (pdfs.isEmpty()) {
			context.err().println("eval-forms: no PDF with a ground truth .json beside it in " + directory);
			return 1;
		}
		PdftoppmTimer pdftoppm = !options.has("--no-pdftoppm") && PdftoppmTimer.available()
				? new PdftoppmTimer()
				: null;
		if (pdftoppm == null && !options.has("--no-pdftoppm")) {
			context.err().println("eval-forms: pdftoppm not found (apt-get install -y poppler-utils): no peer timing");
		}
		FormsScore score = new FormsScore();
		// One warm-up page, so that the first page does not pay for class loading and model start.
		warmUp(pdfs.get(0));
		for (int i = 0; i < pdfs.size(); i++) {
			Path pdf = pdfs.get(i);
			GroundTruth truth;
			try {
				truth = GroundTruth.read(GroundTruth.fileFor(pdf));
			} catch (IOException e) {
				context.err().println("eval-forms: skipped " + pdf.getFileName() + ", its ground truth cannot be read: "
						+ e.getMessage());
				score.problem(GroundTruth.fileFor(pdf).getFileName() + ": " + e.getMessage());
				continue;
			}
			evaluate(pdf, truth, score, context);
			if (pdftoppm != null) {
				try {
					score.pdftoppmNanos += pdftoppm.time(pdf);
					score.pdftoppmPages += truth.pages().size();
				} catch (IOException e) {
					score.problem(e.getMessage());
				}
			}
			if (!options.has("--json") && (i + 1) % 20 == 0) {
				context.err().printf("eval-forms: %d of %d files%n", i + 1, pdfs.size());
			}
		}
		Map<String, Object> report = score.report(ProcessFigures.peakRssMegabytes());
		ObjectMapper json = new ObjectMapper();
		if (options.has("--json")) {
			context.out().println(json.writeValueAsString(report));
		} else {
			context.out().println(json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
		}
		return 0;
	}

	private void evaluate(Path pdf, GroundTruth truth, FormsScore score, CommandContext context) {
		long start = System.nanoTime();
		try (PdfDocument document = renderer.open(pdf)) {
			if (document.pageCount() != truth.pages().size()) {
				score.problem(pdf.getFileName() + ": " + document.pageCount() + " pages, ground truth has "
						+ truth.pages().size());
			}
			for (int p = 0; p < truth.pages().size(); p++) {
				GroundTruth.Page expected = truth.pages().get(p);
				score.pages++;
				if (p >= document.pageCount()) {
					score.failedPages++;
					score.unread(expected.fields());
					continue;
				}
				long pageStart = System.nanoTime();
				RenderedPage page = document.scan(p, RENDER_DPI);
				score.renderNanos += System.nanoTime() - pageStart;
				readPage(pdf.getFileName() + " page " + (p + 1), page, expected, score);
				score.totalNanos += System.nanoTime() - pageStart;
			}
		} catch (DocumentException e) {
			context.err().println("eval-forms: " + e.getMessage());
			score.problem(e.getMessage());
			long counted = truth.pages().size();
			score.pages += counted;
			score.failedPages += counted;
			truth.pages().forEach(page -> score.unread(page.fields()));
			score.totalNanos += System.nanoTime() - start;
		}
	}

	private void readPage(String where, RenderedPage page, GroundTruth.Page expected, FormsScore score) {
		long start = System.nanoTime();
		Identification identification = identifier.identify(page);
		if (!identification.isKnown() || !identification.templateId().get().equals(expected.template())) {
			score.glyphsNanos += System.nanoTime() - start;
			score.problem(where + ": identified as " + identification.templateId().orElse("unknown") + ", is "
					+ expected.template() + " (" + identification.evidence() + ")");
			score.unread(expected.fields());
			return;
		}
		score.identified++;
		FormTemplate template = catalog.template(expected.template()).orElseThrow();
		Registration registration;
		try {
			registration = registrar.register(page, template);
		} catch (RegistrationException e) {
			score.glyphsNanos += System.nanoTime() - start;
			score.problem(where + ": " + e.getMessage());
			score.unread(expected.fields());
			return;
		}
		score.registered++;
		score.residualSum += registration.residualPoints();
		List<SegmentedField> fields = segmenter.segment(page, registration, template.fields(), recognizer);
		score.glyphsNanos += System.nanoTime() - start;

		List<DigitImage> glyphs = new ArrayList<>();
		for (SegmentedField field : fields) {
			field.writtenGlyphs().stream().map(Glyph::image).forEach(glyphs::add);
		}
		List<DigitPrediction> predictions;
		try {
			predictions = recognizer.recognizeCarefully(glyphs);
		} catch (Exception e) {
			score.problem(where + ": recognition failed: " + e.getMessage());
			score.unread(expected.fields());
			return;
		}
		int next = 0;
		for (int i = 0; i < fields.size(); i++) {
			FieldSpec spec = template.fields().get(i);
			SegmentedField field = fields.get(i);
			int written = field.writtenGlyphs().size();
			List<DigitPrediction> digits = predictions.subList(next, next + written);
			String read = field.read(DatePrior.forField(spec.kind(), digits), spec.isCellField());
			next += written;
			score.field(where + " " + spec.name(), expected.fields().getOrDefault(spec.name(), ""), read);
		}
	}

	private void warmUp(Path pdf) {
		try (PdfDocument document = renderer.open(pdf)) {
			RenderedPage page = document.scan(0, RENDER_DPI);
			identifier.identify(page);
			recognizer.recognize(List.of(DigitImage.blank()));
		} catch (Exception e) {
			// The measured run reports whatever is wrong with this file.
		}
	}

	private static List<Path> corpusFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".pdf"))
					.filter(p -> Files.isRegularFile(GroundTruth.fileFor(p))).sorted().toList();
		}
	}
}
