package com.digitdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.LabelledDigit;
import com.digitdesk.api.training.SampleOrigin;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.recognizer.model.ModelFiles;
import com.digitdesk.segment.GlyphNormalizer;

/**
 * A model made worse on purpose: the shipped model fine-tuned on "verified"
 * digits whose labels were shuffled, then measured in shadow against the
 * shipped one as retrain measures a candidate. The guard must refuse it.
 */
class PoisonedRetrainTest {

	@TempDir
	Path scratch;

	@Test
	void theGuardRefusesAModelTrainedOnShuffledLabels() throws Exception {
		MnistCache cache = MnistCache.atDefaultLocation();
		Path shipped = shipped("digit-cnn");
		ModelFiles.Loaded current = ModelFiles.load(shipped);

		// "verified" digits: 400 to train on, labels shuffled; 200 held out with their true labels
		DigitDataset test = cache.test();
		List<LabelledDigit> poisoned = new ArrayList<>();
		List<Byte> labels = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			labels.add((byte) test.label(i));
		}
		Collections.shuffle(labels, new Random(7));
		for (int i = 0; i < 400; i++) {
			poisoned.add(new LabelledDigit(test.image(i), labels.get(i), SampleOrigin.CLERK, "poisoned " + i));
		}
		List<LabelledDigit> repeated = new ArrayList<>();
		for (int r = 0; r < 4; r++) {
			repeated.addAll(poisoned);
		}
		DigitDataset heldOut = range(test, 400, 600);

		Path candidate = scratch.resolve("candidate");
		TrainingSettings settings = new TrainingSettings(candidate, 1, 64, 3e-4, 1e-4, current.card().seed(), 500,
				0.1, 6000, 2, false, false, false, false, new TrainingSettings.Sources(shipped, null, null));
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		Trainer.Result result = new Trainer(settings, new GlyphNormalizer(), quiet, cache::split).train(
				cache.training(), Subsets.head(test, 300),
				new Trainer.FormGlyphs(DigitDataset.of("poisoned", repeated), null, Map.of()), Map.of(), "poisoned");

		long[] fields = new long[heldOut.size()];
		for (int i = 0; i < fields.length; i++) {
			fields[i] = i / 5;
		}
		ShadowEvaluation.Result shadow = ShadowEvaluation.of(
				new ShadowEvaluation.Network("candidate", result.graph(), result.card().temperature()),
				new ShadowEvaluation.Network("current", current.load(), current.card().temperature()),
				LabelledSet.of(range(test, 8000, 10_000)), LabelledSet.of(heldOut), fields, 0.995);
		Optional<String> refusal = PromotionGuard.refusal(ModelFiles.toJson(shadow.figures()));

		assertThat(refusal).as("figures %s", shadow.figures()).isPresent();
		// refused because it is worse, not merely no better
		double mnistRise = rise(shadow.figures(), "mnist_test_error");
		double heldOutRise = rise(shadow.figures(), "held_out_error");
		assertThat(mnistRise > 0.0005 || heldOutRise > 0.01).as("figures %s", shadow.figures()).isTrue();
		assertThat(refusal.get()).containsAnyOf("MNIST test error", "held-out verified digits");
	}

	@SuppressWarnings("unchecked")
	private static double rise(Map<String, Object> figures, String key) {
		Map<String, Object> pair = (Map<String, Object>) figures.get(key);
		return (double) pair.get("candidate") - (double) pair.get("current");
	}

	private static DigitDataset range(DigitDataset set, int from, int to) {
		List<LabelledDigit> digits = new ArrayList<>();
		for (int i = from; i < to; i++) {
			digits.add(new LabelledDigit(set.image(i), set.label(i), SampleOrigin.DATASET, "test " + i));
		}
		return DigitDataset.of(set.name(), digits);
	}

	/** The model shipped in the recognizer bundle, as files. */
	private Path shipped(String name) throws Exception {
		Path base = scratch.resolve(name);
		for (String extension : new String[] { ".sd", ".json" }) {
			try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream("model/" + name + extension)) {
				assertThat(in).as("model/" + name + extension + " on the class path").isNotNull();
				Files.copy(in, Path.of(base + extension));
			}
		}
		return base;
	}
}
