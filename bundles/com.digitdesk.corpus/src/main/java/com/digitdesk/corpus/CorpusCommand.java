package com.digitdesk.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;

/** {@code digitdesk corpus}: writes a corpus of scanned, filled-in forms with their ground truth. */
@Component(service = Subcommand.class, property = "digitdesk.command=corpus")
public class CorpusCommand implements Subcommand {

	static final long DEFAULT_SEED = 20261121L;
	/** The default designs: the first designs, so that a seed means the corpus it always meant. */
	static final List<String> FIRST_DESIGNS = List.of("f1040-p1", "w2");

	private final TemplateCatalog catalog;
	private final MnistDatasets mnist;

	@Activate
	public CorpusCommand(@Reference TemplateCatalog catalog, @Reference MnistDatasets mnist) {
		this.catalog = catalog;
		this.mnist = mnist;
	}

	@Override
	public String summary() {
		return "generate scanned tax forms filled in with MNIST digits, with their ground truth";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk corpus --out DIR --pages N [--seed S] [--designs ID[,ID...] | --template ID]
				                        [--threads N] [--digits test|fitting|held-out] [--split-seed S]
				                        [--digits-file PREFIX]

				Prints blank forms, fills them in with handwritten MNIST digits
				(digits in cells, amounts and numbers written freely, some fields
				empty, some digits touching), simulates a scan
				(200 or 300 dpi, rotation up to 3 degrees, shift, scale up to 3%%,
				blur, speckles, binarization) and writes image-only PDFs (CCITT G4,
				JPEG or Flate) as DIR/form-NNNNN.pdf, each with its ground truth in
				DIR/form-NNNNN.json:
				  {"pages": [{"template": "<id>", "fields": {"<field>": "<value>"}}]}
				--designs chooses the forms (default: f1040-p1,w2, the first
				designs, drawn from their templates):
				  f1040-2024-p1, w2-2024  the official 2024 pages, filled in as
				      people do: amounts right-aligned with or without thousands
				      commas, with a written decimal point and cents or in whole
				      dollars, SSN in the 1040's 3|2|4 parts or freely with or
				      without dashes, EIN as 12-3456789, ZIP of 5 digits
				  household    a household income statement: corner squares, a
				      boxed 9-digit number and year, amounts with $ outside the
				      box and cents divider 1.3 box heights from the right
				  survey-1989  a census-style questionnaire: no corner squares,
				      printed rules, 2 to 10 digits written freely in plain boxes
				  heldout      dotted boxes, short comb ticks, no $, a dotted
				      cents divider, one vertical rule as anchor
				  sales-tax    a printed frame, a 10-cell permit number, a free
				      count, amounts with $ inside and no cents divider:
				      measured last, tuned on by nobody
				  any other template id: its template, in the first designs' boxes
				The ground truth is normalized: written commas, points and dashes
				are not in it. The corpus's own designs are also written as
				DIR/templates/<id>.json, for the template directory.
				Some PDFs are a whole return: a 1040 page and one or two W-2
				pages (f1040-p1 with w2, f1040-2024-p1 with w2-2024).
				--template ID is --designs with one ID. The same seed and designs
				give the same corpus. Default seed: %d.
				--digits test (the default) writes with the MNIST test digits: a
				corpus to measure with. --digits fitting writes with the training
				digits a training run of seed --split-seed (default %d) learns
				from, --digits held-out with the %,d it holds out for validation:
				corpora to cut training glyphs from ('digitdesk form-glyphs').
				--digits-file PREFIX writes with the digits of another hand, in
				MNIST's IDX layout (PREFIX-images-idx3-ubyte, PREFIX-labels-idx1-ubyte,
				28x28, every digit 0-9 present), e.g. ../shared/datasets/semeion/semeion.""".formatted(DEFAULT_SEED,
				MnistDatasets.DEFAULT_SEED, MnistDatasets.HELD_OUT_DIGITS);
	}

	/** The digits of another hand in MNIST's IDX layout: PREFIX-images-idx3-ubyte and PREFIX-labels-idx1-ubyte. */
	private DigitDataset idx(Path prefix) throws DatasetException {
		String name = prefix.getFileName().toString();
		return mnist.read(name, prefix.resolveSibling(name + "-images-idx3-ubyte"),
				prefix.resolveSibling(name + "-labels-idx1-ubyte"));
	}

	/** The design ids of {@code --designs} or {@code --template}, by default the first designs. */
	static List<String> designs(String designs, String template) {
		if (designs != null && template != null) {
			throw new IllegalArgumentException("--designs and --template exclude each other (--template ID is --designs ID)");
		}
		String ids = designs != null ? designs : template != null ? template : String.join(",", FIRST_DESIGNS);
		List<String> list = Arrays.stream(ids.split(",", -1)).map(String::strip).toList();
		if (list.stream().anyMatch(String::isEmpty) || list.stream().distinct().count() != list.size()) {
			throw new IllegalArgumentException("--designs takes distinct ids separated by commas, not \"" + ids + "\"");
		}
		return list;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Path out;
		int pages;
		long seed;
		int threads;
		List<String> designs;
		String digits;
		String digitsFile;
		long splitSeed;
		try {
			CommandOptions options = CommandOptions
					.parse(context.arguments(), Set.of("--out", "--pages", "--seed", "--template", "--designs", "--threads", "--digits",
							"--split-seed", "--digits-file"), Set.of())
					.withoutPositional();
			String outName = options.get("--out", null);
			if (outName == null) {
				throw new IllegalArgumentException("--out DIR is required");
			}
			out = context.resolve(outName);
			pages = options.getInt("--pages", -1);
			if (pages < 1) {
				throw new IllegalArgumentException("--pages N (at least 1) is required");
			}
			seed = options.getLong("--seed", DEFAULT_SEED);
			threads = options.getInt("--threads", Runtime.getRuntime().availableProcessors());
			designs = designs(options.get("--designs", null), options.get("--template", null));
			digits = options.get("--digits", "test");
			if (!List.of("test", "fitting", "held-out").contains(digits)) {
				throw new IllegalArgumentException("--digits is test, fitting or held-out, not " + digits);
			}
			splitSeed = options.getLong("--split-seed", MnistDatasets.DEFAULT_SEED);
			digitsFile = options.get("--digits-file", "");
			if (!digitsFile.isEmpty() && options.get("--digits", null) != null) {
				throw new IllegalArgumentException("--digits and --digits-file exclude each other");
			}
		} catch (IllegalArgumentException e) {
			context.err().println("corpus: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		List<FormTemplate> templates = new ArrayList<>();
		for (String id : designs) {
			Optional<FormTemplate> template = Designs.template(id).or(() -> catalog.template(id));
			if (template.isEmpty()) {
				context.err().println("corpus: no design or template " + id + "; designs: " + Designs.IDS
						+ ", templates: " + catalog.templates().stream().map(FormTemplate::id).toList());
				return 2;
			}
			templates.add(template.get());
		}
		DigitPicker picker;
		try {
			picker = new DigitPicker(digitsFile.isEmpty() ? switch (digits) {
			case "fitting" -> mnist.split(mnist.training(), MnistDatasets.HELD_OUT_DIGITS, splitSeed).fitting();
			case "held-out" -> mnist.split(mnist.training(), MnistDatasets.HELD_OUT_DIGITS, splitSeed).heldOut();
			default -> mnist.test();
			} : idx(context.resolve(digitsFile)));
		} catch (DatasetException e) {
			context.err().println("corpus: " + e.getMessage());
			return 1;
		} catch (IllegalArgumentException e) {
			// a set that lacks a digit cannot fill a form
			context.err().println("corpus: " + e.getMessage());
			return 2;
		}
		long start = System.nanoTime();
		List<Path> files = new CorpusGenerator(templates, picker, threads).generate(out, pages, seed, context.err());
		for (String id : designs) {
			// the corpus's own designs are no shipped template: the user may want them in the template directory
			Optional<FormTemplate> design = Designs.template(id);
			if (design.isPresent()) {
				context.out().println("corpus: template of design " + id + " written to "
						+ TemplateJson.write(out.resolve("templates"), design.get()));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		context.out().printf("corpus: %d pages in %d PDF files written to %s (seed %d, %s digits, %.1f s)%n", pages,
				files.size(), out, seed, picker.digits().name(), seconds);
		return 0;
	}
}
