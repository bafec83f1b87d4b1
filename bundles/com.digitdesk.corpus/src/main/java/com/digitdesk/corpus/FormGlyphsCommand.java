package com.digitdesk.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.reading.CutPage;
import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;
import com.digitdesk.corpus.CorpusReader.StudiedPage;

/**
 * {@code digitdesk form-glyphs DIR --out PREFIX}: the glyphs the form reader
 * cuts from a corpus with ground truth, labelled with their true digits, as
 * a pair of IDX files: training data that looks like what the recognizer
 * meets on scanned forms (crisp bilevel strokes, renormalized cuts, touching
 * digits taken apart), which MNIST alone does not.
 */
@Component(service = Subcommand.class, property = "digitdesk.command=form-glyphs")
public class FormGlyphsCommand implements Subcommand {

	private final CorpusReader corpus;
	private final MnistDatasets datasets;

	@Activate
	public FormGlyphsCommand(@Reference PageRenderer renderer, @Reference PageReader reader,
			@Reference MnistDatasets datasets) {
		this.corpus = new CorpusReader(renderer, reader);
		this.datasets = datasets;
	}

	@Override
	public String summary() {
		return "labelled digit glyphs cut from a corpus with ground truth, as IDX files for training";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk form-glyphs DIR --out PREFIX [--threads N]

				Reads every NAME.pdf of a corpus with its NAME.json ground truth (see
				digitdesk corpus) as the importer does, and keeps the glyphs of every
				field cut into as many digits as its true value has, each labelled
				with its true digit. Writes PREFIX-images-idx3-ubyte and
				PREFIX-labels-idx1-ubyte (MNIST's format) for 'digitdesk train
				--form-glyphs PREFIX'. Make the corpus with 'corpus --digits fitting'
				(or held-out), never with the test digits that measure the model.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		Path out;
		int threads;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--out", "--threads"), Set.of());
			if (options.positional().size() != 1) {
				throw new IllegalArgumentException("give one corpus directory");
			}
			String prefix = options.get("--out", null);
			if (prefix == null) {
				throw new IllegalArgumentException("--out PREFIX is required");
			}
			out = context.resolve(prefix);
			threads = options.getInt("--threads", Runtime.getRuntime().availableProcessors());
		} catch (IllegalArgumentException e) {
			context.err().println("form-glyphs: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		Path directory = context.resolve(options.positional().get(0));
		if (!Files.isDirectory(directory)) {
			context.err().println("form-glyphs: " + directory + " is not a directory");
			return 2;
		}
		// Only the cuts count here: the pages are not recognized.
		CorpusReader.Result<CutPage> read = corpus.read(directory, threads, PageReader::cut);
		read.problems().forEach(problem -> context.err().println("form-glyphs: " + problem));
		if (read.pages().isEmpty()) {
			context.err().println("form-glyphs: no PDF with a ground truth .json beside it in " + directory);
			return 1;
		}
		LabelledGlyphs glyphs = new LabelledGlyphs();
		for (StudiedPage<CutPage> page : read.pages()) {
			glyphs.addPage(page);
		}
		Path images = out.resolveSibling(out.getFileName() + "-images-idx3-ubyte");
		Path labels = out.resolveSibling(out.getFileName() + "-labels-idx1-ubyte");
		try {
			datasets.write(glyphs.dataset(out.getFileName().toString()), images, labels);
		} catch (DatasetException e) {
			context.err().println("form-glyphs: " + e.getMessage());
			return 1;
		}
		context.out().printf(Locale.ROOT,
				"form-glyphs: %d pages, %d fields with digits; %d cut into the right number of digits: %d glyphs written to %s and %s%n",
				read.pages().size(), glyphs.fields(), glyphs.usedFields(), glyphs.size(), images, labels);
		return read.problems().isEmpty() ? 0 : 1;
	}

	/** Glyphs and their true digits, from fields cut into as many glyphs as their value has digits. */
	static final class LabelledGlyphs {
		private final ByteArrayOutputStream images = new ByteArrayOutputStream();
		private final ByteArrayOutputStream labels = new ByteArrayOutputStream();
		private int fields;
		private int usedFields;

		void addPage(StudiedPage<CutPage> page) {
			if (page.page().problem().isPresent() || page.page().template().isEmpty()
					|| !page.page().template().get().id().equals(page.truth().template())) {
				return;
			}
			List<FieldSpec> specs = page.page().template().get().fields();
			for (int f = 0; f < specs.size(); f++) {
				SegmentedField field = page.page().fields().get(f);
				String truth = page.truth().fields().getOrDefault(specs.get(f).name(), "").replaceAll("[^0-9]", "");
				if (truth.isEmpty()) {
					continue;
				}
				fields++;
				List<Glyph> written = field.writtenGlyphs();
				if (written.size() != truth.length()) {
					continue;
				}
				usedFields++;
				for (int i = 0; i < written.size(); i++) {
					images.writeBytes(written.get(i).image().pixels());
					labels.write(truth.charAt(i) - '0');
				}
			}
		}

		int fields() {
			return fields;
		}

		int usedFields() {
			return usedFields;
		}

		int size() {
			return labels.size();
		}

		DigitDataset dataset(String name) {
			return new DigitDataset(name, images.toByteArray(), labels.toByteArray());
		}
	}
}
