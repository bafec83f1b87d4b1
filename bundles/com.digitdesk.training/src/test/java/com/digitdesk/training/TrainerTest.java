package com.digitdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.recognizer.model.Logits;
import com.digitdesk.recognizer.model.ModelCard;
import com.digitdesk.recognizer.model.ModelFiles;
import com.digitdesk.segment.GlyphNormalizer;

/** A short real training run on a few hundred MNIST digits, saved and read back. */
class TrainerTest {

	@TempDir
	Path scratch;

	@Test
	void trainsSavesAndReadsBack() throws Exception {
		MnistCache cache = MnistCache.atDefaultLocation();
		DigitDataset training = cache.training();
		DigitDataset test = Subsets.head(cache.test(), 300);
		Path out = scratch.resolve("tiny");
		TrainingSettings settings = new TrainingSettings(out, 2, 32, 2e-3, 1e-4, 5, 200, 0.1, 1200, 2, false, false, false, true, TrainingSettings.Sources.NONE);
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		Trainer.Result result = new Trainer(settings, new GlyphNormalizer(), new PrintStream(progress, true, StandardCharsets.UTF_8), cache::split)
				.train(training, test, Map.of("train-images-idx3-ubyte", "sha"), "test run");
		ModelCard saved = ModelFiles.save(result.graph(), result.card(), out);

		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("epoch 2/2 done: validation accuracy")
				.contains("ETA");
		assertThat(saved.modelSha256()).isEqualTo(ModelFiles.sha256(ModelFiles.graphFile(out)));
		assertThat(saved.temperature()).isPositive();
		assertThat(saved.trainingDigits()).isEqualTo(1000);
		assertThat(saved.validationDigits()).isEqualTo(200);
		assertBiasesLearnt(ModelFiles.load(out).load());

		// The saved model, read back through its checked files: 1,000 digits, two epochs, far from the real
		// model, far above chance.
		LabelledSet set = LabelledSet.of(test);
		float[] logits = ModelFiles.load(out).withGraph(graph -> {
			try {
				return Logits.ofAll(graph, set.images(), set.size(), 64);
			} catch (Exception e) {
				throw new AssertionError(e);
			}
		});
		assertThat(Logits.accuracy(logits, set.labels())).isGreaterThan(0.6);
	}

	@Test
	void goesOnTrainingAModelWithMoreGlyphsAndRecordsWhereItStarted() throws Exception {
		MnistCache cache = MnistCache.atDefaultLocation();
		DigitDataset training = cache.training();
		DigitDataset test = cache.test();
		Path parent = scratch.resolve("parent");
		TrainingSettings first = new TrainingSettings(parent, 1, 32, 2e-3, 1e-4, 5, 200, 0.1, 1200, 2, false, false,
				false, false, TrainingSettings.Sources.NONE);
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		Trainer.Result parentRun = new Trainer(first, new GlyphNormalizer(), quiet, cache::split).train(training, Subsets.head(test, 100),
				Map.of(), "first");
		ModelCard parentCard = ModelFiles.save(parentRun.graph(), parentRun.card(), parent);

		// Stand-ins for glyphs cut from forms: digits the first run never saw.
		Trainer.FormGlyphs glyphs = new Trainer.FormGlyphs(Subsets.head(cache.split(test, 500, 1).fitting(), 400),
				Subsets.head(cache.split(test, 500, 1).heldOut(), 100), Map.of("glyphs-images-idx3-ubyte", "abc"));
		Path child = scratch.resolve("child");
		TrainingSettings next = new TrainingSettings(child, 1, 32, 5e-4, 1e-4, 5, 200, 0.1, 1200, 2, false, false,
				false, false, new TrainingSettings.Sources(parent, null, null));
		Trainer.Result result = new Trainer(next, new GlyphNormalizer(), quiet, cache::split).train(training, Subsets.head(test, 100), glyphs,
				Map.of(), "second");
		ModelCard card = ModelFiles.save(result.graph(), result.card(), child);

		assertThat(card.startedFrom()).startsWith(parentCard.modelSha256()).contains("first");
		assertThat(card.formGlyphs()).isEqualTo(400);
		assertThat(card.heldOutFormGlyphs()).isEqualTo(100);
		assertThat(card.formGlyphsSha256()).containsEntry("glyphs-images-idx3-ubyte", "abc");
		assertThat(card.modelSha256()).isNotEqualTo(parentCard.modelSha256());

		// A model saved with its biases as constants (as models were before they were trainable) learns them.
		SameDiff parentGraph = ModelFiles.load(parent).load();
		List<SDVariable> biases = biases(parentGraph);
		parentGraph.convertToConstants(biases);
		for (SDVariable bias : biases) {
			bias.getArr().assign(0);
		}
		ModelCard constantBiases = ModelFiles.save(parentGraph, parentCard, parent);
		Trainer.Result fromConstantBiases = new Trainer(next, new GlyphNormalizer(), quiet, cache::split).train(training, Subsets.head(test, 100), glyphs, Map.of(),
				"second");
		assertThat(fromConstantBiases.card().startedFrom()).startsWith(constantBiases.modelSha256());
		assertBiasesLearnt(fromConstantBiases.graph());

		// Another seed would validate on digits the parent learnt from.
		TrainingSettings otherSeed = new TrainingSettings(child, 1, 32, 5e-4, 1e-4, 6, 200, 0.1, 1200, 2, false,
				false, false, false, new TrainingSettings.Sources(parent, null, null));
		assertThatThrownBy(() -> new Trainer(otherSeed, new GlyphNormalizer(), quiet, cache::split).train(training, Subsets.head(test, 100), Map.of(), "third"))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed 5");
	}

	private static List<SDVariable> biases(SameDiff graph) {
		return graph.variables().stream().filter(v -> v.name().endsWith("_b")).toList();
	}

	/** Every layer has a bias, trained: a variable no longer all zero. */
	private static void assertBiasesLearnt(SameDiff graph) {
		List<SDVariable> biases = biases(graph);
		assertThat(biases).extracting(SDVariable::name).containsExactlyInAnyOrder("conv1_b", "conv2_b", "conv3_b",
				"dense_b", "out_b");
		for (SDVariable bias : biases) {
			assertThat(bias.getVariableType()).as(bias.name()).isEqualTo(VariableType.VARIABLE);
			assertThat(bias.getArr().norm1Number().doubleValue()).as(bias.name()).isPositive();
		}
	}
}
