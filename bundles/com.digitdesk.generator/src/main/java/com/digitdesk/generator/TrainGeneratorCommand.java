package com.digitdesk.generator;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;
import com.digitdesk.recognizer.model.ModelFiles;

/**
 * {@code digitdesk train-generator --kind vae|gan}: trains a digit generator
 * on MNIST's training digits and writes it with its card, and a sheet of
 * what it makes (ten of each digit) as a PNG beside it.
 */
@Component(service = Subcommand.class, property = Subcommand.NAME + "=train-generator")
public final class TrainGeneratorCommand implements Subcommand {

	private final MnistDatasets mnist;

	@Activate
	public TrainGeneratorCommand(@Reference MnistDatasets mnist) {
		this.mnist = mnist;
	}

	@Override
	public String summary() {
		return "train a digit generator (conditional VAE or GAN) on MNIST, to multiply scarce verified digits";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk train-generator --kind vae|gan [--epochs N] [--out PATH] [--seed S]
				                                 [--learning-rate R] [--threads N] [--limit N]

				Trains a generator on the 60,000 MNIST training digits (fetched and
				checked first if needed): vae, a conditional variational autoencoder
				whose variants of a digit keep its writer's style (default 20 epochs
				of 128, rate 0.001); gan, a conditional adversarial network that
				draws new digits of a class (default 20 epochs of 64, rate 0.0002).
				Progress (epoch, loss, digits/s, ETA) goes to standard error. Writes
				PATH.sd and PATH.json (the card: network, data checksums, settings,
				command, time, last loss, the graph's SHA-256), each whole or not at
				all, and PATH.png, ten generated digits of each class (default PATH:
				models/digit-KIND). Point configuration com.digitdesk.generator.KIND
				modelLocation at PATH to use it instead of the shipped one. --limit N:
				the first N training digits only (a quick run).""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		GeneratorTrainer.Settings settings;
		Path out;
		int limit;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--kind", "--epochs", "--out", "--seed",
					"--learning-rate", "--threads", "--limit"), Set.of()).withoutPositional();
			Kind kind = Kind.of(options.get("--kind", ""));
			settings = new GeneratorTrainer.Settings(kind, options.getInt("--epochs", kind.epochs), kind.batchSize,
					options.getDouble("--learning-rate", kind.learningRate), options.getInt("--seed", 1),
					options.getInt("--threads", Runtime.getRuntime().availableProcessors()));
			if (settings.epochs() < 1 || !(settings.learningRate() > 0) || settings.threads() < 1) {
				throw new IllegalArgumentException("--epochs and --threads need at least 1, --learning-rate more than 0");
			}
			out = context.resolve(options.get("--out", "models/digit-" + kind.id()));
			limit = options.getInt("--limit", 0);
			if (limit < 0) {
				throw new IllegalArgumentException("--limit cannot be negative");
			}
		} catch (IllegalArgumentException e) {
			context.err().println("train-generator: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		DigitDataset training = limit > 0 ? first(mnist.training(), limit) : mnist.training();
		GeneratorTrainer.Result result = new GeneratorTrainer(settings, context.err()).train(training,
				ModelFiles.checksums(mnist.fetch()), "digitdesk train-generator " + String.join(" ", context.arguments()));
		GeneratorCard card = GeneratorFiles.save(result.graph(), result.card(), out);
		NetworkGenerator generator = new NetworkGenerator(settings.kind(), GeneratorFiles.load(out), out.toString());
		Path sheet = out.resolveSibling(out.getFileName() + ".png");
		writeSheet(generator, training, sheet);
		context.out().printf("train-generator: %s written (%s, SHA-256 %s, last loss %.3f, %.0f s); samples in %s%n",
				out, card.kind(), card.graphSha256(), card.finalLoss(), card.seconds(), sheet);
		return 0;
	}

	/**
	 * Ten of each digit, a row per class: for the VAE, variants of the first
	 * MNIST training digit of that class; for the GAN, new digits.
	 */
	static void writeSheet(NetworkGenerator generator, DigitDataset examples, Path file) throws Exception {
		BufferedImage sheet = new BufferedImage(280, 280, BufferedImage.TYPE_BYTE_GRAY);
		byte[] pixels = new byte[DigitImage.PIXELS];
		for (int digit = 0; digit <= 9; digit++) {
			int example = 0;
			while (examples.label(example) != digit) {
				example++;
			}
			List<DigitImage> row = generator.variants(examples.image(example), digit, 10, digit);
			for (int i = 0; i < row.size(); i++) {
				row.get(i).copyTo(pixels, 0);
				for (int p = 0; p < DigitImage.PIXELS; p++) {
					sheet.getRaster().setSample(i * 28 + p % 28, digit * 28 + p / 28, 0, pixels[p] & 0xff);
				}
			}
		}
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".sheet-", ".png");
		try {
			ImageIO.write(sheet, "png", temporary.toFile());
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static DigitDataset first(DigitDataset set, int n) {
		int count = Math.min(n, set.size());
		byte[] images = new byte[count * DigitImage.PIXELS];
		set.copyImages(0, count, images, 0);
		return new DigitDataset(set.name(), images, java.util.Arrays.copyOf(set.labels(), count));
	}
}
