package com.digitdesk.training;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.recognizer.model.ModelFiles;
import com.digitdesk.recognizer.model.ModelCard;
import com.digitdesk.recognizer.model.Logits;
import com.digitdesk.recognizer.model.Nd4jContext;

/**
 * Trains the digit network on MNIST: a validation split carved from the
 * training set, augmented digits plus synthetic non-digits, progress lines
 * with loss, validation accuracy and ETA; then calibration on the validation
 * split and a final measure on the test set.
 */
final class Trainer {

	private final TrainingSettings settings;
	/** Normalizes synthetic non-digits and scanned digits as the segmenter does its glyphs. */
	private final DigitNormalizer normalizer;
	private final PrintStream progress;
	private final Splitter splitter;

	/** {@code splitter} holds the validation digits out of MNIST's training set. */
	Trainer(TrainingSettings settings, DigitNormalizer normalizer, PrintStream progress, Splitter splitter) {
		this.settings = settings;
		this.normalizer = normalizer;
		this.progress = progress;
		this.splitter = splitter;
	}

	/** @param losses the mean training loss at every progress line, for the training curve */
	record Result(ModelCard card, SameDiff graph, List<Charts.LossPoint> losses) {
	}

	/**
	 * Glyphs cut from forms, besides MNIST: {@code fitting} to train on,
	 * {@code heldOut} for the validation split (either may be null), with
	 * their files' SHA-256.
	 */
	record FormGlyphs(DigitDataset fitting, DigitDataset heldOut, Map<String, String> sha256) {
		static final FormGlyphs NONE = new FormGlyphs(null, null, Map.of());
	}

	Result train(DigitDataset mnistTrain, DigitDataset mnistTest, Map<String, String> dataSha256, String command)
			throws Exception {
		return train(mnistTrain, mnistTest, FormGlyphs.NONE, dataSha256, command);
	}

	Result train(DigitDataset mnistTrain, DigitDataset mnistTest, FormGlyphs formGlyphs,
			Map<String, String> dataSha256, String command) throws Exception {
		Instant start = Instant.now();
		ModelFiles.Loaded parent = settings.sources().startFrom() == null ? null
				: ModelFiles.load(settings.sources().startFrom());
		if (parent != null && parent.card().seed() != settings.seed()) {
			// The seed picks the validation digits: another seed would validate on digits the model learnt.
			throw new IllegalArgumentException(settings.sources().startFrom() + " was trained with seed "
					+ parent.card().seed() + "; go on training it with the same --seed");
		}
		String startedFrom = parent == null ? null : parent.sha256() + " (" + parent.card().command() + ")";
		String architecture = parent == null ? DigitNet.ARCHITECTURE : parent.card().architecture();
		Nd4jContext.useNativeThreads(settings.threads());
		DigitDataset source = settings.limit() > 0 ? Subsets.head(mnistTrain, settings.limit()) : mnistTrain;
		int validationSize = Math.min(settings.validationDigits(), source.size() / 5);
		LabelledSet[] split = LabelledSet.split(source, validationSize, settings.seed(), splitter);
		Random random = new Random(settings.seed() + 1);
		int nonDigits = (int) Math.round(split[0].size() * settings.nonDigitShare());
		LabelledSet fittingSet = split[0].withNonDigits(nonDigits, settings.parts(), random, normalizer);
		LabelledSet heldOutSet = split[1].withNonDigits((int) Math.round(split[1].size() * settings.nonDigitShare()),
				settings.parts(),
				random, normalizer);
		LabelledSet train = formGlyphs.fitting() == null ? fittingSet
				: fittingSet.plus(LabelledSet.of(formGlyphs.fitting()));
		LabelledSet validation = formGlyphs.heldOut() == null ? heldOutSet
				: heldOutSet.plus(LabelledSet.of(formGlyphs.heldOut()));
		int formFitting = formGlyphs.fitting() == null ? 0 : formGlyphs.fitting().size();
		int formHeldOut = formGlyphs.heldOut() == null ? 0 : formGlyphs.heldOut().size();
		int batchesPerEpoch = train.size() / settings.batchSize();
		long totalIterations = (long) batchesPerEpoch * settings.epochs();
		progress.printf(
				"Training on %,d digits + %,d non-digits + %,d form glyphs, validating on %,d; %d epochs of %,d batches of %d%n",
				split[0].size(), nonDigits, formFitting, validation.size(), settings.epochs(), batchesPerEpoch,
				settings.batchSize());

		SameDiff graph = parent == null
				? Nd4jContext.call(() -> DigitNet.create(settings.seed(), settings.learningRate(), totalIterations,
						settings.weightDecay()))
				: goOnTraining(parent, totalIterations);
		Nd4jContext.buildGradientsQuietly(graph);
		LossRecorder losses = new LossRecorder();
		List<Charts.LossPoint> curve = new java.util.ArrayList<>();
		graph.setListeners(losses);
		ExecutorService batcher = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "training-batches");
			thread.setDaemon(true);
			return thread;
		});
		double validationAccuracy = 0;
		// The last epoch's validation scores also serve the calibration.
		float[] validationLogits = new float[0];
		try {
			long done = 0;
			long trainingStart = System.nanoTime();
			for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
				int[] order = LabelledSet.shuffled(train.size(), random);
				long batchSeed = random.nextLong();
				Future<DataSet> next = batcher.submit(() -> batch(train, order, 0, new Random(batchSeed)));
				for (int b = 0; b < batchesPerEpoch; b++) {
					DataSet current = next.get();
					int following = b + 1;
					if (following < batchesPerEpoch) {
						next = batcher.submit(() -> batch(train, order, following, new Random(batchSeed + following)));
					}
					Nd4jContext.call(() -> graph.fit(current));
					done++;
					if (b % 100 == 99 || b == batchesPerEpoch - 1) {
						double seconds = (System.nanoTime() - trainingStart) / 1e9;
						double rate = done * settings.batchSize() / seconds;
						Duration eta = Duration.ofSeconds((long) ((totalIterations - done) * settings.batchSize() / rate));
						double loss = losses.takeMean();
						curve.add(new Charts.LossPoint(done, loss));
						progress.printf("epoch %d/%d  batch %d/%d  loss %.4f  %,.0f digits/s  ETA %s%n", epoch,
								settings.epochs(), b + 1, batchesPerEpoch, loss, rate, format(eta));
					}
				}
				validationLogits = Logits.ofAll(graph, validation.images(), validation.size(), 500);
				validationAccuracy = Logits.accuracy(validationLogits, validation.labels());
				progress.printf("epoch %d/%d done: validation accuracy %.4f%n", epoch, settings.epochs(),
						validationAccuracy);
			}
		} finally {
			batcher.shutdownNow();
		}

		double temperature = Calibration.fitTemperature(validationLogits, validation.labels(), DigitNet.CLASSES);
		LabelledSet test = LabelledSet.of(mnistTest);
		float[] testLogits = Logits.ofAll(graph, test.images(), test.size(), 500);
		double testAccuracy = Logits.accuracy(testLogits, test.labels());
		double eceBefore = Evaluation.ece(testLogits, test.labels(), 1.0);
		double eceAfter = Evaluation.ece(testLogits, test.labels(), temperature);
		progress.printf("temperature %.3f; test accuracy %.4f; test ECE %.4f before, %.4f after calibration%n",
				temperature, testAccuracy, eceBefore, eceAfter);

		ModelCard card = new ModelCard(architecture, ModelCard.CLASS_NAMES, temperature, settings.seed(),
				settings.epochs(), settings.batchSize(), settings.learningRate(), settings.weightDecay(),
				settings.augmenter(normalizer).description(), NonDigits.description(settings.parts()), dataSha256, split[0].size(), split[1].size(), nonDigits,
				command, start.toString(), Duration.between(start, Instant.now()).toMillis() / 1000.0,
				validationAccuracy, testAccuracy, eceBefore, eceAfter, null, Nd4jContext.call(DigitNet::backend),
				startedFrom, formGlyphs.sha256(), formFitting, formHeldOut);
		return new Result(card, graph, curve);
	}

	private SameDiff goOnTraining(ModelFiles.Loaded parent, long totalIterations) throws Exception {
		SameDiff graph = parent.load();
		Nd4jContext.call(() -> {
			DigitNet.trainWith(graph, settings.learningRate(), totalIterations, settings.weightDecay());
			return null;
		});
		return graph;
	}

	/** Batch {@code b} of an epoch: augmented images and one-hot labels. */
	private DataSet batch(LabelledSet set, int[] order, int b, Random random) {
		int size = settings.batchSize();
		Augmenter augmenter = settings.augmenter(normalizer);
		byte[] pixels = new byte[size * DigitImage.PIXELS];
		float[] labels = new float[size * DigitNet.CLASSES];
		for (int i = 0; i < size; i++) {
			int sample = order[b * size + i];
			augmenter.augment(set.images(), sample * DigitImage.PIXELS, pixels, i * DigitImage.PIXELS, random);
			labels[i * DigitNet.CLASSES + set.labels()[sample]] = 1;
		}
		try {
			return Nd4jContext.call(() -> new DataSet(Logits.input(pixels, 0, size),
					Nd4j.create(labels, new long[] { size, DigitNet.CLASSES }, DataType.FLOAT)));
		} catch (Exception e) {
			throw new IllegalStateException("cannot build a training batch", e);
		}
	}

	private static String format(Duration duration) {
		return String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
	}
}
