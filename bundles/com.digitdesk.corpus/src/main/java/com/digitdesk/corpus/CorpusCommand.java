package com.digitdesk.corpus;

import java.nio.file.Path;
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
import com.digitdesk.api.training.MnistDatasets;

/** {@code digitdesk corpus}: writes a corpus of scanned, filled-in tax forms with their ground truth. */
@Component(service = Subcommand.class, property = "digitdesk.command=corpus")
public class CorpusCommand implements Subcommand {

	static final long DEFAULT_SEED = 20261121L;

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
				usage: digitdesk corpus --out DIR --pages N [--seed S] [--template ID] [--threads N]
				                        [--digits test|fitting|held-out] [--split-seed S]

				Draws blank forms from their templates, fills them in with
				handwritten MNIST digits (digits in cells, amounts written
				freely, some fields empty, some digits touching), simulates a scan
				(200 or 300 dpi, rotation up to 3 degrees, shift, scale up to 3%%,
				blur, speckles, binarization) and writes image-only PDFs (CCITT G4,
				JPEG or Flate) as DIR/form-NNNNN.pdf, each with its ground truth in
				DIR/form-NNNNN.json:
				  {"pages": [{"template": "<id>", "fields": {"<field>": "<value>"}}]}
				Some PDFs are a whole return: a f1040-p1 page and W-2 pages.
				--template restricts the corpus to one template. The same seed
				gives the same corpus. Default seed: %d.
				--digits test (the default) writes with the MNIST test digits: a
				corpus to measure with. --digits fitting writes with the training
				digits a training run of seed --split-seed (default %d) learns
				from, --digits held-out with the %,d it holds out for validation:
				corpora to cut training glyphs from ('digitdesk form-glyphs').""".formatted(DEFAULT_SEED,
				MnistDatasets.DEFAULT_SEED, MnistDatasets.HELD_OUT_DIGITS);
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Path out;
		int pages;
		long seed;
		int threads;
		Optional<String> templateId;
		String digits;
		long splitSeed;
		try {
			CommandOptions options = CommandOptions
					.parse(context.arguments(), Set.of("--out", "--pages", "--seed", "--template", "--threads", "--digits", "--split-seed"), Set.of())
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
			templateId = Optional.ofNullable(options.get("--template", null));
			digits = options.get("--digits", "test");
			if (!List.of("test", "fitting", "held-out").contains(digits)) {
				throw new IllegalArgumentException("--digits is test, fitting or held-out, not " + digits);
			}
			splitSeed = options.getLong("--split-seed", MnistDatasets.DEFAULT_SEED);
		} catch (IllegalArgumentException e) {
			context.err().println("corpus: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		List<FormTemplate> templates = catalog.templates();
		if (templateId.isPresent()) {
			Optional<FormTemplate> template = catalog.template(templateId.get());
			if (template.isEmpty()) {
				context.err().println("corpus: no template " + templateId.get() + "; known: "
						+ templates.stream().map(FormTemplate::id).toList());
				return 2;
			}
			templates = List.of(template.get());
		}
		DigitPicker picker;
		try {
			picker = new DigitPicker(switch (digits) {
			case "fitting" -> mnist.split(mnist.training(), MnistDatasets.HELD_OUT_DIGITS, splitSeed).fitting();
			case "held-out" -> mnist.split(mnist.training(), MnistDatasets.HELD_OUT_DIGITS, splitSeed).heldOut();
			default -> mnist.test();
			});
		} catch (DatasetException e) {
			context.err().println("corpus: " + e.getMessage());
			return 1;
		}
		long start = System.nanoTime();
		List<Path> files = new CorpusGenerator(templates, picker, threads).generate(out, pages, seed, context.err());
		double seconds = (System.nanoTime() - start) / 1e9;
		context.out().printf("corpus: %d pages in %d PDF files written to %s (seed %d, %s digits, %.1f s)%n", pages,
				files.size(), out, seed, picker.digits().name(), seconds);
		return 0;
	}
}
