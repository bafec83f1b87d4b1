package com.digitdesk.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;
import com.digitdesk.recognizer.model.ModelFiles;
import com.digitdesk.recognizer.model.ModelCard;

/** {@code digitdesk train}: trains the digit network on MNIST and writes the model with its card. */
@Component(service = Subcommand.class, property = "digitdesk.command=train")
public class TrainCommand implements Subcommand {

	private static final Set<String> VALUE_OPTIONS = Set.of("--out", "--epochs", "--batch", "--seed", "--limit",
			"--threads", "--learning-rate", "--from", "--form-glyphs", "--held-out-form-glyphs");

	private final MnistDatasets mnist;
	private final DigitNormalizer normalizer;

	@Activate
	public TrainCommand(@Reference MnistDatasets mnist, @Reference DigitNormalizer normalizer) {
		this.mnist = mnist;
		this.normalizer = normalizer;
	}

	@Override
	public String summary() {
		return "train the digit recognizer on MNIST (augmented, with non-digits) and calibrate it";
	}

	@Override
	public String usage() {
		TrainingSettings d = TrainingSettings.defaults(Path.of("models/digit-cnn"));
		return """
				usage: digitdesk train [--out PATH] [--epochs N] [--batch N] [--seed S]
				                       [--learning-rate R] [--threads N] [--limit N]
				                       [--touching-pairs] [--digit-halves] [--scan-round-trip]
				                       [--elastic] [--from MODEL]
				                       [--form-glyphs PREFIX] [--held-out-form-glyphs PREFIX]

				Trains the network (%s) on the MNIST
				training set, %,d digits held out for validation and calibration,
				with augmentation (%s) and synthetic non-digits.
				Writes PATH.sd (graph and weights) and PATH.json (provenance: data SHA-256,
				seed, command, accuracy, calibration). Defaults: --out %s --epochs %d
				--batch %d --seed %d --learning-rate %s --threads %d (all cores).
				--touching-pairs and --digit-halves also teach "not a digit" on two
				touching digits, and on one side of a digit cut in two: what a wrong
				cut gives the form reader. --scan-round-trip puts 1 in 4 training
				digits through a simulated bilevel scan and normalization. --elastic
				puts 1 in 2 through an %s first.
				--from MODEL goes on training a model made by this command (same
				--seed: the seed picks the validation digits). --form-glyphs PREFIX
				also trains on glyphs cut from forms (PREFIX-images-idx3-ubyte and
				PREFIX-labels-idx1-ubyte, as written by 'digitdesk form-glyphs' from a
				corpus filled in with fitting digits, 'corpus --digits fitting');
				--held-out-form-glyphs PREFIX adds such glyphs from held-out digits
				('corpus --digits held-out') to the validation split, on which the
				confidence is calibrated.
				Point the recognizer at the result with its modelLocation setting.""".formatted(DigitNet.ARCHITECTURE,
				d.validationDigits(), Augmenter.DESCRIPTION, d.output(), d.epochs(), d.batchSize(), d.seed(),
				d.learningRate(), d.threads(), ElasticDistortion.DESCRIPTION);
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		TrainingSettings settings;
		try {
			options = CommandOptions.parse(context.arguments(), VALUE_OPTIONS, Set.of("--touching-pairs", "--digit-halves", "--scan-round-trip", "--elastic"))
					.withoutPositional();
			TrainingSettings d = TrainingSettings.defaults(context.resolve(options.get("--out", "models/digit-cnn")));
			settings = new TrainingSettings(d.output(), options.getInt("--epochs", d.epochs()),
					options.getInt("--batch", d.batchSize()), options.getDouble("--learning-rate", d.learningRate()),
					d.weightDecay(), options.getLong("--seed", d.seed()), d.validationDigits(), d.nonDigitShare(),
					options.getInt("--limit", d.limit()), options.getInt("--threads", d.threads()),
					options.has("--touching-pairs"), options.has("--digit-halves"), options.has("--scan-round-trip"),
					options.has("--elastic"),
					new TrainingSettings.Sources(path(context, options, "--from"),
							path(context, options, "--form-glyphs"), path(context, options, "--held-out-form-glyphs")));
		} catch (IllegalArgumentException e) {
			context.err().println("train: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		try {
			Path data = mnist.fetch();
			Trainer.Result result = new Trainer(settings, normalizer, context.err(), mnist::split).train(mnist.training(), mnist.test(),
					formGlyphs(settings.sources()), ModelFiles.checksums(data),
					"digitdesk train " + String.join(" ", context.arguments()));
			ModelCard card = ModelFiles.save(result.graph(), result.card(), settings.output());
			context.out().println("model written: " + ModelFiles.graphFile(settings.output()));
			Path curve = settings.output().resolveSibling(settings.output().getFileName() + "-training.png");
			Charts.trainingCurve("Training " + settings.output().getFileName() + " (" + card.modelSha256().substring(0, 12)
					+ ")", result.losses(), curve);
			context.out().println("training curve: " + curve);
			context.out().println(ModelFiles.toJson(card));
			return 0;
		} catch (DatasetException | RecognitionException | IllegalArgumentException e) {
			context.err().println("train: " + e.getMessage());
			return 1;
		}
	}

	private static Path path(CommandContext context, CommandOptions options, String option) {
		String value = options.get(option, null);
		return value == null ? null : context.resolve(value);
	}

	private Trainer.FormGlyphs formGlyphs(TrainingSettings.Sources sources) throws DatasetException, IOException {
		Map<String, String> sums = new TreeMap<>();
		DigitDataset fitting = readGlyphs(sources.formGlyphs(), sums);
		DigitDataset heldOut = readGlyphs(sources.heldOutFormGlyphs(), sums);
		return new Trainer.FormGlyphs(fitting, heldOut, sums);
	}

	/** The glyphs of {@code PREFIX-images-idx3-ubyte} and {@code PREFIX-labels-idx1-ubyte}; null for no prefix. */
	private DigitDataset readGlyphs(Path prefix, Map<String, String> sums) throws DatasetException, IOException {
		if (prefix == null) {
			return null;
		}
		Path images = prefix.resolveSibling(prefix.getFileName() + "-images-idx3-ubyte");
		Path labels = prefix.resolveSibling(prefix.getFileName() + "-labels-idx1-ubyte");
		DigitDataset glyphs = mnist.read(prefix.getFileName().toString(), images, labels);
		sums.put(images.getFileName().toString(), ModelFiles.sha256(images));
		sums.put(labels.getFileName().toString(), ModelFiles.sha256(labels));
		return glyphs;
	}

	/** The SHA-256 of each file of the MNIST cache: what a model card names as its data. */
}
