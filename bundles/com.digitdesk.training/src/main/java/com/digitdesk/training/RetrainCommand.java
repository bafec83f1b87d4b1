package com.digitdesk.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.routing.FieldRouting;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.NewModel;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.Sample;
import com.digitdesk.api.store.SampleState;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.DigitGenerator;
import com.digitdesk.api.training.EvaluableRecognizer;
import com.digitdesk.api.training.LabelledDigit;
import com.digitdesk.api.training.MnistDatasets;
import com.digitdesk.api.training.SampleOrigin;
import com.digitdesk.recognizer.model.ModelCard;
import com.digitdesk.recognizer.model.ModelFiles;

/**
 * {@code digitdesk retrain}: fine-tunes the store's current model on the
 * clerks' verified digits, mixed with MNIST training digits replayed so that
 * nothing learnt before is forgotten; keeps the result with the store as a
 * candidate with its shadow evaluation (candidate and current model on the
 * MNIST test digits and on verified digits of documents neither trained on)
 * and promotes it only through the guard of {@code models promote}.
 */
@Component(service = Subcommand.class, property = Subcommand.NAME + "=retrain")
public class RetrainCommand implements Subcommand {

	/** The share of verified digits held out of training (whole documents), for the shadow evaluation. */
	static final double HELD_OUT_SHARE = 0.2;

	/**
	 * The share of each epoch that verified digits make at least: fewer are
	 * repeated (each repeat augmented anew, at most {@value #MAX_REPEATS}
	 * times), so 200 digits of a new hand are not drowned by 30,000 replayed.
	 */
	static final double VERIFIED_SHARE = 0.05;
	static final int MAX_REPEATS = 50;

	/**
	 * MNIST training digits replayed beside the verified ones. On 1,252
	 * verified digits of new writers, 12,000 let the MNIST test error rise by
	 * 0.10 points (refused by the guard); 30,000 kept it below the current
	 * model's.
	 */
	static final int DEFAULT_REPLAY = 30_000;

	private final ResultStores stores;
	private final MnistDatasets mnist;
	private final DigitNormalizer normalizer;
	private final EvaluableRecognizer recognizer;
	private final FieldRouting routing;

	/** Digit generators (generator=vae, generator=gan) that retrain may ask for new images of verified digits. */
	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
	volatile List<DigitGenerator> generators;

	/**
	 * The VAE's variants, measured on a new hand (Semeion writers, held-out
	 * writers' error of the network alone, from 13.1%): 25 verified digits
	 * shifted only 8.5%, with VAE variants 6.5%, with GAN digits 6.8%; 207
	 * verified digits 8.8% and 8.3%. See the README.
	 */
	static final String DEFAULT_GENERATOR = "vae";
	/** At most this many new images of each verified digit, and no more than fill the verified share of an epoch. */
	static final int DEFAULT_GENERATED = 10;

	/** A run's work folder in the temporary folder: this, the process id, a dash. */
	private static final String WORK_PREFIX = "digitdesk-retrain-";

	/** The error the reject curves mark (as eval's default target). */
	private static final double TARGET_ERROR = 0.001;

	@Activate
	public RetrainCommand(@Reference ResultStores stores, @Reference MnistDatasets mnist,
			@Reference DigitNormalizer normalizer,
			@Reference(target = "(recognizer=cnn)") EvaluableRecognizer recognizer, @Reference FieldRouting routing) {
		this.routing = routing;
		this.stores = stores;
		this.mnist = mnist;
		this.normalizer = normalizer;
		this.recognizer = recognizer;
	}

	@Override
	public String summary() {
		return "fine-tune the store's current model on the clerks' verified digits; promote it only if the shadow "
				+ "evaluation says it is better";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk retrain [--db JDBC-URL] [--json] [--epochs N] [--mnist N]
				                         [--learning-rate R] [--threads N] [--by NAME] [--plot FILE]
				                         [--verified-share S] [--generator vae|gan|none] [--generated N]
				                         [--held-out PREFIX]

				Fine-tunes the store's current model version (none yet: the model the
				recognizer reads with, kept as the first version) on the accepted
				verified digits (see 'samples'), mixed with the first N MNIST training
				digits replayed (default %d) and synthetic non-digits, for N epochs
				(default 1) at learning rate R (default 0.0003). The verified digits
				of whole documents, %d%% of them, are held out: neither model trains on
				them. Verified digits fewer than S of an epoch (default %d%%) are repeated
				to make that share (each repeat shifted anew; at most %d times).
				Shadow evaluation, written to the candidate's figures: both models'
				error on the 10,000 MNIST test digits and on the held-out verified
				digits. The candidate is kept with the store; it becomes current only
				if its MNIST test error is at most 0.05 points above the current
				model's and its error on the held-out verified digits is lower (the
				guard of 'models promote'). Progress (epoch, digits/s, ETA) goes to
				standard error. The figures also give both models' routing of the
				held-out verified fields at the routing threshold (share that would
				go through unseen, share of those wrong) and their error at reject
				rates; both reject curves are drawn to FILE (default
				reports/retrain-VERSION.png). --json prints an object with candidate
				(its version), promoted (true/false), reason, figures and
				reject_curves_png.
				--generator: also up to N new images (default %d; no more than fill
				the share S) of every verified digit to train on, from the digit
				generator of that kind (vae, the default: variants in the sample's
				style; gan: new digits of its class; none).
				--held-out PREFIX: measure on that labelled set of the hand (IDX,
				MNIST's layout) instead of holding documents out; every verified
				digit then trains.""".formatted(DEFAULT_REPLAY,
				Math.round(HELD_OUT_SHARE * 100), Math.round(VERIFIED_SHARE * 100), MAX_REPEATS,
				DEFAULT_GENERATED);
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		TrainingSettings defaults = TrainingSettings.defaults(Path.of("unused"));
		int epochs;
		int replay;
		double learningRate;
		int threads;
		double verifiedShare;
		String generatorKind;
		int perDigit;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--db", "--epochs", "--mnist", "--learning-rate",
					"--threads", "--by", "--plot", "--verified-share", "--generator", "--generated", "--held-out"),
					Set.of("--json")).withoutPositional();
			epochs = options.getInt("--epochs", 1);
			replay = options.getInt("--mnist", DEFAULT_REPLAY);
			learningRate = options.getDouble("--learning-rate", 3e-4);
			threads = options.getInt("--threads", defaults.threads());
			verifiedShare = options.getDouble("--verified-share", VERIFIED_SHARE);
			generatorKind = options.get("--generator", DEFAULT_GENERATOR);
			generatorKind = generatorKind.equals("none") ? "" : generatorKind;
			perDigit = options.getInt("--generated", DEFAULT_GENERATED);
			if (perDigit < 0) {
				throw new IllegalArgumentException("--generated cannot be negative");
			}
			if (!(verifiedShare >= 0 && verifiedShare <= 0.5)) {
				throw new IllegalArgumentException("--verified-share goes from 0 to 0.5");
			}
			if (epochs < 1 || replay < 1000 || !(learningRate > 0) || threads < 1) {
				throw new IllegalArgumentException("--epochs and --threads need at least 1, --mnist at least 1000, "
						+ "--learning-rate more than 0");
			}
		} catch (IllegalArgumentException e) {
			context.err().println("retrain: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		String by = options.get("--by", System.getProperty("user.name", "admin"));
		ResultStore store = stores.store(options.get("--db", stores.defaultUrl()));
		sweepLeftovers();
		Path work = Files.createTempDirectory(WORK_PREFIX + ProcessHandle.current().pid() + "-");
		try {
			ModelVersion current = currentOrFirst(store, by, context);
			Path parent = work.resolve("current");
			ModelFiles.Loaded currentModel = unpack(store, current, parent);
			List<Sample> verified = store.samples(SampleState.ACCEPTED, Integer.MAX_VALUE).stream()
					.filter(s -> s.label() >= 0).toList();
			String heldOutPrefix = options.get("--held-out", "");
			List<Sample> fittingSamples;
			DigitDataset heldOut;
			long[] heldOutFields;
			if (heldOutPrefix.isEmpty()) {
				HeldOutDocuments.Split split = HeldOutDocuments.split(verified, HELD_OUT_SHARE);
				fittingSamples = split.fitting();
				heldOut = set("verified-held-out", split.heldOut(), 1);
				heldOutFields = split.heldOut().stream().mapToLong(Sample::fieldId).toArray();
			} else {
				// the admin's own labelled digits of the hand: every verified digit trains
				Path prefix = context.resolve(heldOutPrefix);
				String name = prefix.getFileName().toString();
				fittingSamples = verified;
				heldOut = mnist.read(name, prefix.resolveSibling(name + "-images-idx3-ubyte"),
						prefix.resolveSibling(name + "-labels-idx1-ubyte"));
				heldOutFields = java.util.stream.LongStream.range(0, heldOut.size()).toArray();
			}
			DigitDataset fitting = set("verified-fitting", fittingSamples, 1);
			if (fitting.size() < 10 || heldOut.size() < 10) {
				context.err().printf("retrain: too few verified digits: %d to train on and %d held out (at least 10 "
						+ "each; whole documents are held out until %d%% of the digits are, or --held-out names "
						+ "a set)%n", fitting.size(), heldOut.size(), Math.round(HELD_OUT_SHARE * 100));
				return 1;
			}
			// no more new digits than fill the verified share: many verified digits need none
			int each = (int) Math.min(perDigit, Math.ceil(verifiedShare * replay / fitting.size()));
			List<LabelledDigit> generated = generated(generatorKind, options.get("--generator", "").length() > 0, each,
					fittingSamples, context);
			int repeats = (int) Math.max(1, Math.min(MAX_REPEATS,
					Math.round((verifiedShare * replay - generated.size()) / fitting.size())));
			List<LabelledDigit> learnt = new java.util.ArrayList<>(digits(fittingSamples, repeats));
			learnt.addAll(generated);
			DigitDataset repeated = DigitDataset.of("verified-fitting", learnt);
			ModelCard parentCard = currentModel.card();
			TrainingSettings settings = new TrainingSettings(work.resolve("candidate"), epochs, defaults.batchSize(),
					learningRate, defaults.weightDecay(), parentCard.seed(), defaults.validationDigits(),
					defaults.nonDigitShare(), replay, threads, false, false, false, false,
					new TrainingSettings.Sources(parent, null, null));
			Map<String, String> sums = new TreeMap<>();
			sums.put("verified-fitting", sha256(fitting));
			Trainer.Result result = new Trainer(settings, normalizer, context.err(), mnist::split).train(
					mnist.training(), mnist.test(), new Trainer.FormGlyphs(repeated, null, sums), ModelFiles.checksums(mnist.fetch()),
					"digitdesk retrain " + String.join(" ", context.arguments()));
			ModelCard card = ModelFiles.save(result.graph(), result.card(), settings.output());

			context.err().println("retrain: shadow evaluation...");
			ShadowEvaluation.Result shadow = ShadowEvaluation.of(
					new ShadowEvaluation.Network("candidate", result.graph(), card.temperature()),
					new ShadowEvaluation.Network("current " + current.version(), currentModel.load(),
							currentModel.card().temperature()),
					LabelledSet.of(mnist.test()), LabelledSet.of(heldOut),
					heldOutFields, routing.policy().digitThreshold());
			Map<String, Object> figures = shadow.figures();
			figures.put("held_out_error_at_reject", atReject(shadow.curves()));
			figures.put("verified_fitting_digits", fitting.size());
			figures.put("verified_repeats", repeats);
			figures.put("generator", generatorKind.isEmpty() ? null : generatorKind);
			figures.put("generated_digits", generated.size());
			figures.put("held_out_source", heldOutPrefix.isEmpty() ? "documents" : heldOutPrefix);
			String figuresJson = ModelFiles.toJson(figures);
			ModelVersion candidate = store.addModel(new NewModel(Optional.of(current.version()),
					Files.readAllBytes(ModelFiles.graphFile(settings.output())),
					Files.readString(ModelFiles.cardFile(settings.output()), StandardCharsets.UTF_8), figuresJson,
					"retrained from " + current.version() + " on " + fitting.size() + " verified digits"));
			Optional<String> refusal = PromotionGuard.refusal(figuresJson);
			if (refusal.isPresent()) {
				store.noteModel(candidate.version(), "not promoted: " + refusal.get());
			} else {
				store.promote(candidate.version(), by);
			}
			Path plot = context.resolve(options.get("--plot", "reports/retrain-" + candidate.version() + ".png"));
			Charts.rejectCurves("Held-out verified digits: " + candidate.version() + " (candidate) vs "
					+ current.version() + " (current)", renamed(shadow.curves(), candidate, current), TARGET_ERROR,
					plot);
			Charts.trainingCurve("Retraining " + candidate.version() + " from " + current.version(), result.losses(),
					plot.resolveSibling(plot.getFileName().toString().replaceFirst("\\.png$", "") + "-training.png"));
			print(context, options.has("--json"), candidate, refusal, figures, card, plot);
			return 0;
		} catch (StoreException | DatasetException | RecognitionException e) {
			context.err().println("retrain: " + e.getMessage());
			return 1;
		} finally {
			delete(work);
		}
	}

	/**
	 * Deletes the work folders of retrain runs whose process is gone (killed
	 * before it could clear up); a run still going keeps its own.
	 */
	private static void sweepLeftovers() {
		Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
		try (Stream<Path> folders = Files.list(temporary)) {
			for (Path folder : folders.toList()) {
				String name = folder.getFileName().toString();
				if (!name.startsWith(WORK_PREFIX)) {
					continue;
				}
				String[] parts = name.substring(WORK_PREFIX.length()).split("-", 2);
				try {
					if (ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessHandle::isAlive).isEmpty()) {
						delete(folder);
					}
				} catch (NumberFormatException e) {
					// not one of ours
				}
			}
		} catch (IOException e) {
			// the temporary folder cannot be listed: nothing to sweep
		}
	}

	/** The store's current version; with none, the model the recognizer reads with becomes the first. */
	private ModelVersion currentOrFirst(ResultStore store, String by, CommandContext context) throws Exception {
		Optional<ModelVersion> current = store.currentModel();
		if (current.isPresent()) {
			return current.get();
		}
		String location = recognizer.setup().modelLocation();
		if (location.isEmpty()) {
			throw new StoreException("the store has no current model and the recognizer does not say where its "
					+ "own lies: keep one with 'models add' first");
		}
		Path base = Path.of(location);
		ModelFiles.load(base);
		ModelVersion first = store.addModel(new NewModel(Optional.empty(), Files.readAllBytes(ModelFiles.graphFile(base)),
				Files.readString(ModelFiles.cardFile(base), StandardCharsets.UTF_8), "{}",
				"the model the recognizer read with when the store had none"));
		context.err().println("retrain: the store had no model version; " + first.version()
				+ " is the recognizer's own");
		return store.promote(first.version(), by);
	}

	/** A version's graph and card on disk, checked against each other. */
	private static ModelFiles.Loaded unpack(ResultStore store, ModelVersion version, Path base) throws Exception {
		Files.write(ModelFiles.graphFile(base), store.modelGraph(version.version()));
		Files.writeString(ModelFiles.cardFile(base), version.card(), StandardCharsets.UTF_8);
		return ModelFiles.load(base);
	}

	/** The samples as a digit set, each {@code repeats} times. */
	private static DigitDataset set(String name, List<Sample> samples, int repeats) {
		return DigitDataset.of(name, digits(samples, repeats));
	}

	private static List<LabelledDigit> digits(List<Sample> samples, int repeats) {
		List<LabelledDigit> digits = samples.stream()
				.map(s -> new LabelledDigit(s.image(), s.label(), SampleOrigin.CLERK, "sample " + s.id())).toList();
		return java.util.Collections.nCopies(repeats, digits).stream().flatMap(List::stream).toList();
	}

	/** {@code perDigit} new images of every verified digit from the generator of that kind; none when blank. */
	private List<LabelledDigit> generated(String kind, boolean asked, int perDigit, List<Sample> samples,
			CommandContext context) throws RecognitionException {
		if (kind.isEmpty() || perDigit == 0) {
			return List.of();
		}
		Optional<DigitGenerator> found = generators.stream().filter(g -> g.kind().equals(kind)).findFirst();
		if (found.isEmpty() && !asked) {
			context.err().println("retrain: no '" + kind + "' digit generator is installed: verified digits only");
			return List.of();
		}
		DigitGenerator generator = found.orElseThrow(
				() -> new RecognitionException("no '" + kind + "' digit generator is installed", null));
		context.err().printf("retrain: %d new digits from each verified digit (%s)%n", perDigit,
				generator.description());
		List<LabelledDigit> out = new java.util.ArrayList<>();
		for (Sample sample : samples) {
			for (DigitImage image : generator.variants(sample.image(), sample.label(), perDigit, sample.id())) {
				out.add(new LabelledDigit(image, sample.label(), SampleOrigin.CLERK, kind + " from sample " + sample.id()));
			}
		}
		return out;
	}

	/** The SHA-256 of a set's images then labels: which verified digits a candidate learnt from. */
	private static String sha256(DigitDataset set) throws IOException {
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			byte[] images = new byte[set.size() * DigitImage.PIXELS];
			set.copyImages(0, set.size(), images, 0);
			digest.update(images);
			digest.update(set.labels());
			return java.util.HexFormat.of().formatHex(digest.digest());
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IOException(e);
		}
	}

	/** Error among the accepted held-out digits at a few reject rates, both models: the curves in the figures. */
	private static Map<String, Object> atReject(Map<String, List<Evaluation.RejectPoint>> curves) {
		Map<String, Object> out = new LinkedHashMap<>();
		curves.forEach((name, points) -> {
			Map<String, Double> at = new LinkedHashMap<>();
			for (int step : new int[] { 0, 4, 8, 20, 40, 80, 120 }) {
				Evaluation.RejectPoint point = points.get(step);
				at.put(String.format(java.util.Locale.ROOT, "%.1f%%", point.rejectRate() * 100), point.error());
			}
			out.put(name.startsWith("candidate") ? "candidate" : "current", at);
		});
		return out;
	}

	private static Map<String, List<Evaluation.RejectPoint>> renamed(Map<String, List<Evaluation.RejectPoint>> curves,
			ModelVersion candidate, ModelVersion current) {
		Map<String, List<Evaluation.RejectPoint>> out = new LinkedHashMap<>();
		curves.forEach((name, points) -> out.put(name.startsWith("candidate") ? candidate.version() + " candidate"
				: current.version() + " current", points));
		return out;
	}

	private static void print(CommandContext context, boolean json, ModelVersion candidate, Optional<String> refusal,
			Map<String, Object> figures, ModelCard card, Path plot) throws IOException {
		if (json) {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("candidate", candidate.version());
			out.put("promoted", refusal.isEmpty());
			out.put("reason", refusal.orElse("better on the held-out verified digits and as good on MNIST"));
			out.put("parent", candidate.parent().orElse(null));
			out.put("figures", figures);
			out.put("model_sha256", card.modelSha256());
			out.put("reject_curves_png", plot.toString());
			context.out().println(ModelFiles.toJson(out));
			return;
		}
		context.out().println("retrain: candidate " + candidate.version() + (refusal.isEmpty() ? " promoted: it is "
				+ "better on the held-out verified digits and as good on MNIST" : " not promoted: " + refusal.get()));
		context.out().println("  figures: " + ModelFiles.toJson(figures));
		context.out().println("  reject curves: " + plot);
	}

	private static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		} catch (IOException e) {
			// a temporary folder: the system clears it in time
		}
	}
}
