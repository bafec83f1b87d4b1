package com.digitdesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.ProcessFigures;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.data.DataDirectory;
import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.routing.FieldRouting;
import com.digitdesk.api.routing.RoutingPolicy;
import com.digitdesk.api.store.DocumentIngest;
import com.digitdesk.api.store.ModelFollowing;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code digitdesk import [--db URL] PATH...}: the main job. Reads every PDF
 * into the results store and routes each field; without a PATH it imports
 * the sample archive, generating it first if there is none.
 */
@Component(configurationPid = ImportConfiguration.PID, service = Subcommand.class, property = "digitdesk.command=import")
@Designate(ocd = ImportConfiguration.class)
public class ImportCommand implements Subcommand {

	static final int SAMPLE_PAGES = 30;

	private final PageRenderer renderer;
	private final PageReader reader;
	private final FieldRouting routing;
	private final ResultStores stores;
	private final DataDirectory dataDirectory;
	private volatile ImportConfiguration configuration;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY,
			target = "(digitdesk.command=corpus)")
	volatile Subcommand corpus;

	/** Puts the recognizer on the store's current model version before a page is read. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
	volatile ModelFollowing models;

	@Activate
	public ImportCommand(@Reference PageRenderer renderer, @Reference PageReader reader, @Reference FieldRouting routing,
			@Reference ResultStores stores, @Reference DataDirectory dataDirectory, ImportConfiguration configuration) {
		this.renderer = renderer;
		this.reader = reader;
		this.routing = routing;
		this.stores = stores;
		this.configuration = configuration;
		this.dataDirectory = dataDirectory;
	}

	@Modified
	void modified(ImportConfiguration changed) {
		this.configuration = changed;
	}

	@Override
	public String summary() {
		return "import PDF files and directories into the results store (no PATH: the sample archive)";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk import [--db JDBC-URL] [--json] [--verbose] [--threads N] [--threshold P]
				                        [--lease SECONDS] [PATH...]

				Reads every page of the given PDF files and of the PDFs under the
				given directories (recursively), stores each field with its value,
				digits, glyphs and confidence, and routes it: auto-accepted when
				every digit reaches the threshold and the template's rules hold,
				else queued for review with the reasons.

				Importing is idempotent (a file's content decides, not its name) and
				resumable: run it again after an interruption and it finishes the
				job. Files that cannot be read (damaged, encrypted, no PDF, too big,
				too slow, still being written) are quarantined with the reason; the
				others go on. Exit status 1 if any file failed.

				Several imports may share a store (PostgreSQL), on one workstation or
				many: each file is read by one of them, and the files of one that
				dies are taken over by the others once its lease runs out.

				Without PATH: imports the sample archive DATA/sample-archive,
				generating %d pages first if it holds no PDF.
				  --db         the store (default: configuration com.digitdesk.store,
				               an H2 file in the data directory); its current model
				               version reads the pages
				  --json       the summary as one JSON object on standard output
				  --verbose    a line for every file finished (stored, already stored,
				               quarantined)
				  --threads    parallel workers (default: one per core)
				  --threshold  digit probability to auto-accept (default: configuration
				               com.digitdesk.routing digitThreshold)
				  --lease      seconds this import's claim on a file lasts unless renewed
				               (default: configuration com.digitdesk.import leaseSeconds)""".formatted(SAMPLE_PAGES);
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		RoutingPolicy policy;
		int threads;
		ImportJob.Timing timing;
		ImportJob.Keeping keeping;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--db", "--threads", "--threshold", "--lease"),
					Set.of("--json", "--verbose"));
			ImportConfiguration settings = configuration;
			policy = routing.policy();
			policy = policy.withThreshold(options.getDouble("--threshold", policy.digitThreshold()));
			int configured = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
			threads = options.getInt("--threads", configured);
			if (threads < 1) {
				throw new IllegalArgumentException("--threads needs at least 1");
			}
			double lease = options.getDouble("--lease", settings.leaseSeconds());
			if (!(lease >= 1)) {
				throw new IllegalArgumentException("--lease needs at least 1 second");
			}
			timing = new ImportJob.Timing(Duration.ofMillis(Math.round(lease * 1000)),
					Duration.ofSeconds(Math.max(0, settings.settleSeconds())));
			keeping = new ImportJob.Keeping(settings.keepScans());
		} catch (IllegalArgumentException e) {
			context.err().println("import: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		List<Path> roots = new ArrayList<>();
		options.positional().forEach(path -> roots.add(context.resolve(path)));
		if (roots.isEmpty()) {
			Optional<Path> sample = sampleArchive(context);
			if (sample.isEmpty()) {
				return 1;
			}
			roots.add(sample.get());
		}
		List<Path> files;
		try {
			files = files(roots);
		} catch (IllegalArgumentException | UncheckedIOException e) {
			context.err().println("import: " + e.getMessage());
			return 2;
		}
		String url = options.get("--db", stores.defaultUrl());
		DocumentIngest store;
		Optional<ModelVersion> model = Optional.empty();
		try {
			store = stores.store(url);
			ModelFollowing following = models;
			if (following != null) {
				model = following.readWithCurrentModel(url);
			}
			model.ifPresent(version -> context.err().println("import: reading with the store's model "
					+ version.version()));
		} catch (StoreException e) {
			context.err().println("import: " + e.getMessage());
			return 1;
		}
		ImportReport report = new ImportReport(files.size());
		ImportProgress progress = new ImportProgress(context.err(), context.interactive());
		long start = System.nanoTime();
		String stopped = null;
		try {
			Consumer<String> fileLog = options.has("--verbose") ? line -> context.err().println("import: " + line)
					: line -> {
					};
			new ImportJob(renderer, reader, routing, policy, store, threads, timing, keeping, fileLog).run(files,
					report, progress);
		} catch (StoreException | RecognitionException e) {
			stopped = "the " + (e instanceof StoreException ? "store" : "recognizer") + " failed: " + e.getMessage();
			context.err().println("import: stopped, " + stopped
					+ "\nimport: what is stored stays; run the same import again to finish the job");
		}
		// The summary comes whatever happened: what was done before a stop counts too.
		double seconds = (System.nanoTime() - start) / 1e9;
		String where = StoreUrls.withoutSecrets(url);
		if (options.has("--json")) {
			Map<String, Object> summary = report.summary(seconds, threads, where, ProcessFigures.peakRssMegabytes());
			summary.put("model_version", model.map(ModelVersion::version).orElse(null));
			if (stopped != null) {
				summary.put("stopped", stopped);
			}
			context.out().println(new ObjectMapper().writeValueAsString(summary));
		} else {
			context.out().print(report.text(seconds, where));
		}
		return stopped == null && report.failures().isEmpty() ? 0 : 1;
	}

	/** The sample archive, generated with the corpus command when it holds no PDF yet. */
	private Optional<Path> sampleArchive(CommandContext context) throws Exception {
		Path archive = dataDirectory.path().resolve("sample-archive");
		if (Files.isDirectory(archive) && !files(List.of(archive)).isEmpty()) {
			context.err().println("import: no PATH given: importing the sample archive " + archive);
			return Optional.of(archive);
		}
		Subcommand generator = corpus;
		if (generator == null) {
			context.err().println("import: give the PDF files or directories to import (the corpus bundle, which "
					+ "generates the sample archive, is not installed)");
			return Optional.empty();
		}
		context.err().println("import: no PATH given: generating a sample archive of " + SAMPLE_PAGES
				+ " scanned form pages in " + archive);
		int status = generator.run(new CommandContext(
				List.of("--out", archive.toString(), "--pages", String.valueOf(SAMPLE_PAGES)), context.err(),
				context.err(), context.workingDirectory(), false));
		return status == 0 ? Optional.of(archive) : Optional.empty();
	}

	/**
	 * The files to import: those named, and the PDFs under the directories
	 * named, in a stable order.
	 *
	 * @throws IllegalArgumentException for a path that does not exist
	 */
	static List<Path> files(List<Path> roots) {
		List<Path> files = new ArrayList<>();
		for (Path root : roots) {
			if (Files.isDirectory(root)) {
				try (Stream<Path> tree = Files.walk(root)) {
					tree.filter(Files::isRegularFile).filter(ImportCommand::isPdfName).sorted().forEach(files::add);
				} catch (IOException e) {
					throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
				}
			} else if (Files.exists(root)) {
				files.add(root);
			} else {
				throw new IllegalArgumentException(root + ": no such file or directory");
			}
		}
		return files;
	}

	private static boolean isPdfName(Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
	}
}
