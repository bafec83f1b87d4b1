package com.digitdesk.recognizer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.MnistDatasets;

/** {@code digitdesk train}: trains the digit network on MNIST and writes the model with its card. */
@Component
public class TrainCommand implements Subcommand {

	private static final Set<String> VALUE_OPTIONS = Set.of("--out", "--epochs", "--batch", "--seed", "--limit",
			"--threads", "--learning-rate");

	private final MnistDatasets mnist;

	@Activate
	public TrainCommand(@Reference MnistDatasets mnist) {
		this.mnist = mnist;
	}

	@Override
	public String name() {
		return "train";
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
				                       [--elastic]

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
				puts 1 in 2 through an elastic distortion first (%s).
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
					options.has("--elastic"));
		} catch (IllegalArgumentException e) {
			context.err().println("train: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		try {
			Path data = mnist.fetch();
			Trainer.Result result = new Trainer(settings, context.err()).train(mnist.training(), mnist.test(),
					checksums(data), "digitdesk train " + String.join(" ", context.arguments()));
			ModelCard card = ModelFiles.save(result.graph(), result.card(), settings.output());
			context.out().println("model written: " + ModelFiles.graphFile(settings.output()));
			context.out().println(ModelFiles.toJson(card));
			return 0;
		} catch (DatasetException e) {
			context.err().println("train: " + e.getMessage());
			return 1;
		}
	}

	private static Map<String, String> checksums(Path directory) throws IOException {
		Map<String, String> sums = new TreeMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
			for (Path file : files) {
				sums.put(file.getFileName().toString(), ModelFiles.sha256(file));
			}
		}
		return sums;
	}
}
