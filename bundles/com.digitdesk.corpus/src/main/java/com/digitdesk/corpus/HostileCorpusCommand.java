package com.digitdesk.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.template.TemplateCatalog;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.MnistDatasets;
import com.digitdesk.corpus.hostile.HostileCase;
import com.digitdesk.corpus.hostile.HostileCorpus;

/** {@code digitdesk hostile-corpus}: writes files that break PDF readers, among two good forms. */
@Component(service = Subcommand.class, property = "digitdesk.command=hostile-corpus")
public class HostileCorpusCommand implements Subcommand {

	/** Seeds the two good forms. */
	static final long DEFAULT_SEED = 20261206L;

	private final TemplateCatalog catalog;
	private final MnistDatasets mnist;

	@Activate
	public HostileCorpusCommand(@Reference TemplateCatalog catalog, @Reference MnistDatasets mnist) {
		this.catalog = catalog;
		this.mnist = mnist;
	}

	@Override
	public String summary() {
		return "write PDF files that crash, exhaust or hang PDF readers, to test that an import survives them";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk hostile-corpus --out DIR [--seed S]

				Writes into DIR one file per way a file can break a PDF import,
				each small (at most a few MB) and the same bytes each time:
				files that make PDFBox overflow its stack (a Type 3 glyph painted
				with a pattern that shows the glyph), run out of memory (a JBIG2
				image declaring a 65536 x 65536 page, Flate streams inflating to
				4 GiB, a 30000 x 30000 pixel image) or render for most of an hour
				(five million page fills); a page of 200 x 200 inches; a PDF
				without pages; encrypted PDFs (with a user password, and with only
				an owner password); a JPEG, an empty file and random bytes named
				.pdf; a truncated PDF, a broken cross-reference, cyclic page trees
				and objects; damaged CCITT images; and two good scanned forms
				(with their ground truth, as 'digitdesk corpus' writes them; seed
				S, default %d). DIR/%s lists every file with its kind,
				the outcome an import should end it with (PROCESSED or
				QUARANTINED), a word the quarantine reason should contain, and
				what plain PDFBox does with it.""".formatted(DEFAULT_SEED, HostileCorpus.MANIFEST);
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Path out;
		long seed;
		try {
			CommandOptions options = CommandOptions.parse(context.arguments(), Set.of("--out", "--seed"), Set.of())
					.withoutPositional();
			String outName = options.get("--out", null);
			if (outName == null) {
				throw new IllegalArgumentException("--out DIR is required");
			}
			out = context.resolve(outName);
			seed = options.getLong("--seed", DEFAULT_SEED);
		} catch (IllegalArgumentException e) {
			context.err().println("hostile-corpus: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		DigitPicker picker;
		try {
			picker = new DigitPicker(mnist.test());
		} catch (DatasetException e) {
			context.err().println("hostile-corpus: " + e.getMessage());
			return 1;
		}
		Files.createDirectories(out);
		Path forms = Files.createTempDirectory(out, ".forms-");
		List<Path> files;
		try {
			CorpusGenerator generator = new CorpusGenerator(catalog.templates(), picker, 1);
			List<Path> good = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				// One single-page document each, in its own folder (both would be form-00001).
				good.addAll(generator.generate(Files.createDirectory(forms.resolve("form-" + (i + 1))), 1, seed + i,
						null));
			}
			files = HostileCorpus.write(out, good);
		} finally {
			deleteTree(forms);
		}
		long quarantined = HostileCorpus.cases().stream()
				.filter(c -> c.expected() == HostileCase.Outcome.QUARANTINED).count();
		context.out().printf("hostile-corpus: %d files written to %s (%d to be quarantined, %d processed); see %s%n",
				files.size(), out, quarantined, files.size() - quarantined, out.resolve(HostileCorpus.MANIFEST));
		return 0;
	}

	private static void deleteTree(Path directory) throws IOException {
		try (Stream<Path> all = Files.walk(directory)) {
			for (Path path : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.delete(path);
			}
		}
	}
}
