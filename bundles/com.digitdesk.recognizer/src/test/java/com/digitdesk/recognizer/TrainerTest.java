package com.digitdesk.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.mnist.MnistCache;

/** A short real training run on a few hundred MNIST digits, saved and used. */
class TrainerTest {

	@TempDir
	Path scratch;

	@Test
	void trainsSavesAndRecognizes() throws Exception {
		MnistCache cache = MnistCache.atDefaultLocation();
		DigitDataset training = cache.training();
		DigitDataset test = cache.test().head(300);
		Path out = scratch.resolve("tiny");
		TrainingSettings settings = new TrainingSettings(out, 2, 32, 2e-3, 1e-4, 5, 200, 0.1, 1200, 2, false, false, false, true);
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		Trainer.Result result = new Trainer(settings, new PrintStream(progress, true, StandardCharsets.UTF_8))
				.train(training, test, Map.of("train-images-idx3-ubyte", "sha"), "test run");
		ModelCard saved = ModelFiles.save(result.graph(), result.card(), out);

		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("epoch 2/2 done: validation accuracy")
				.contains("ETA");
		assertThat(saved.modelSha256()).isEqualTo(ModelFiles.sha256(ModelFiles.graphFile(out)));
		assertThat(saved.temperature()).isPositive();
		assertThat(saved.trainingDigits()).isEqualTo(1000);
		assertThat(saved.validationDigits()).isEqualTo(200);

		CnnRecognizer recognizer = new CnnRecognizer(ModelFiles.load(out), 64, 1);
		try {
			List<DigitImage> glyphs = new ArrayList<>();
			for (int i = 0; i < test.size(); i++) {
				glyphs.add(test.image(i));
			}
			List<DigitPrediction> predictions = recognizer.recognize(glyphs);
			int right = 0;
			for (int i = 0; i < test.size(); i++) {
				right += predictions.get(i).top().digit() == test.label(i) ? 1 : 0;
			}
			// 1,000 digits, two epochs: far from the real model, far above chance.
			assertThat(right / (double) test.size()).isGreaterThan(0.6);
		} finally {
			recognizer.deactivate();
		}
	}
}
