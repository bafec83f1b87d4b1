package com.digitdesk.generator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.recognizer.model.Nd4jContext;

/**
 * Trains a generator on a digit set (MNIST's training digits): shuffled
 * batches, progress every 100 batches (epoch, loss, digits/s, ETA), the card
 * filled in at the end.
 */
final class GeneratorTrainer {

	/** How a run goes. */
	record Settings(Kind kind, int epochs, int batchSize, double learningRate, long seed, int threads) {
	}

	/** A trained generator and its card (the graph's SHA-256 still to come, when it is saved). */
	record Result(SameDiff graph, GeneratorCard card) {
	}

	private final Settings settings;
	private final PrintStream progress;

	GeneratorTrainer(Settings settings, PrintStream progress) {
		this.settings = settings;
		this.progress = progress;
	}

	Result train(DigitDataset digits, Map<String, String> dataSha256, String command) throws Exception {
		Instant start = Instant.now();
		Kind kind = settings.kind();
		Nd4jContext.useNativeThreads(settings.threads());
		SameDiff graph = Nd4jContext.call(() -> kind.create(settings.seed(), settings.learningRate()));
		Nd4jContext.buildGradientsQuietly(graph);
		Random random = new Random(settings.seed());
		int batches = digits.size() / settings.batchSize();
		long total = (long) batches * settings.epochs();
		long done = 0;
		long trainingStart = System.nanoTime();
		double loss = Double.NaN;
		byte[] pixels = new byte[settings.batchSize() * DigitImage.PIXELS];
		byte[] labels = new byte[settings.batchSize()];
		for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
			int[] order = shuffled(digits.size(), random);
			for (int b = 0; b < batches; b++) {
				for (int i = 0; i < settings.batchSize(); i++) {
					int index = order[b * settings.batchSize() + i];
					digits.copyImages(index, 1, pixels, i * DigitImage.PIXELS);
					labels[i] = (byte) digits.label(index);
				}
				MultiDataSet batch = kind.batch(pixels, labels, settings.batchSize(), random);
				Nd4jContext.call(() -> graph.fit(batch));
				done++;
				if (b % 100 == 99 || b == batches - 1) {
					loss = Nd4jContext.call(() -> graph.output(placeholders(kind, batch), kind.loss())
							.get(kind.loss()).getDouble(0));
					double seconds = (System.nanoTime() - trainingStart) / 1e9;
					double rate = done * settings.batchSize() / seconds;
					Duration eta = Duration.ofSeconds((long) ((total - done) * settings.batchSize() / rate));
					progress.printf("epoch %d/%d  batch %d/%d  loss %.4f  %,.0f digits/s  ETA %d:%02d:%02d%n", epoch,
							settings.epochs(), b + 1, batches, loss, rate, eta.toHours(), eta.toMinutesPart(),
							eta.toSecondsPart());
				}
			}
		}
		GeneratorCard card = new GeneratorCard(kind.id(), kind.architecture, settings.seed(), settings.epochs(),
				settings.batchSize(), settings.learningRate(), digits.size(), dataSha256, command, start.toString(),
				Duration.between(start, Instant.now()).toMillis() / 1000.0, loss,
				Nd4jContext.call(() -> Nd4j.getBackend().getClass().getSimpleName()), null);
		return new Result(graph, card);
	}

	private static Map<String, org.nd4j.linalg.api.ndarray.INDArray> placeholders(Kind kind, MultiDataSet batch) {
		return kind == Kind.VAE
				? Map.of(ConditionalVae.INPUT, batch.getFeatures(0), ConditionalVae.LABEL, batch.getFeatures(1),
						ConditionalVae.NOISE, batch.getFeatures(2))
				: Map.of(ConditionalGan.NOISE, batch.getFeatures(0), ConditionalGan.LABEL, batch.getFeatures(1),
						ConditionalGan.REAL, batch.getFeatures(2));
	}

	private static int[] shuffled(int n, Random random) {
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}
}
