package com.digitdesk.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.recognizer.model.ModelFiles;

/** A short real training run of each generator kind, saved, read back, and used; a damaged graph is refused. */
class GeneratorFilesTest {

	@TempDir
	Path scratch;

	@Test
	void eachKindTrainsSavesReadsBackAndMakesDigits() throws Exception {
		DigitDataset training = MnistCache.atDefaultLocation().training();
		byte[] images = new byte[1280 * DigitImage.PIXELS];
		training.copyImages(0, 1280, images, 0);
		DigitDataset few = new DigitDataset("few", images, java.util.Arrays.copyOf(training.labels(), 1280));
		for (Kind kind : Kind.values()) {
			ByteArrayOutputStream progress = new ByteArrayOutputStream();
			GeneratorTrainer.Result result = new GeneratorTrainer(
					new GeneratorTrainer.Settings(kind, 1, kind.batchSize, kind.learningRate, 3, 2),
					new PrintStream(progress, true, StandardCharsets.UTF_8)).train(few, Map.of("few", "abc"), "test");
			Path base = scratch.resolve("digit-" + kind.id());
			GeneratorCard card = GeneratorFiles.save(result.graph(), result.card(), base);

			assertThat(progress.toString(StandardCharsets.UTF_8)).contains("epoch 1/1").contains("digits/s")
					.contains("ETA");
			assertThat(card.graphSha256()).isEqualTo(ModelFiles.sha256(ModelFiles.graphFile(base)));
			assertThat(card.kind()).isEqualTo(kind.id());
			assertThat(card.trainingDigits()).isEqualTo(1280);
			assertThat(card.finalLoss()).isFinite();

			NetworkGenerator generator = new NetworkGenerator(kind, GeneratorFiles.load(base), base.toString());
			List<DigitImage> made = generator.variants(training.image(0), training.label(0), 6, 42);
			assertThat(made).hasSize(6);
			assertThat(generator.variants(training.image(0), training.label(0), 6, 42)).as("same seed, same digits")
					.isEqualTo(made);
			assertThat(made.get(0)).isNotEqualTo(made.get(1));
			assertThat(generator.description()).contains(card.graphSha256());

			// a graph that no longer matches its card is never read
			Files.write(ModelFiles.graphFile(base), new byte[] { 1, 2, 3 }, java.nio.file.StandardOpenOption.APPEND);
			assertThatThrownBy(() -> GeneratorFiles.load(base)).isInstanceOf(RecognitionException.class)
					.hasMessageContaining("does not match its card");
		}
	}
}
