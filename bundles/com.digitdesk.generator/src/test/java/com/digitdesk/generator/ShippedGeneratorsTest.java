package com.digitdesk.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.recognizer.model.Logits;
import com.digitdesk.recognizer.model.ModelFiles;

/**
 * The generators shipped in this bundle make digits of the class asked for,
 * as the shipped recognizer reads them (MNIST test digits as the samples,
 * which neither network trained on): nearly all of the VAE's variants; the
 * small GAN's digits are speckled, and it reads 42% of them as their class
 * (chance: 10%).
 */
class ShippedGeneratorsTest {

	@TempDir
	Path scratch;

	@ParameterizedTest
	@CsvSource({ "VAE, 0.95", "GAN, 0.3" })
	void theRecognizerReadsWhatAGeneratorMadeAsTheClassAskedFor(Kind kind, double atLeast) throws Exception {
		NetworkGenerator generator = NetworkGenerator.of(kind, "", scratch.resolve("generators"));
		DigitDataset test = MnistCache.atDefaultLocation().test();
		List<DigitImage> made = new ArrayList<>();
		byte[] labels = new byte[200];
		for (int i = 0; i < 50; i++) {
			made.addAll(generator.variants(test.image(i), test.label(i), 4, i));
			for (int v = 0; v < 4; v++) {
				labels[i * 4 + v] = (byte) test.label(i);
			}
		}
		byte[] pixels = new byte[made.size() * DigitImage.PIXELS];
		for (int i = 0; i < made.size(); i++) {
			made.get(i).copyTo(pixels, i * DigitImage.PIXELS);
		}
		ModelFiles.Loaded reader = ModelFiles.load(shippedRecognizer());
		double read = Logits.accuracy(Logits.ofAll(reader.load(), pixels, made.size(), 100), labels);
		assertThat(read).as("%s digits read as their class", kind).isGreaterThanOrEqualTo(atLeast);
	}

	private Path shippedRecognizer() throws Exception {
		Path base = scratch.resolve("digit-cnn");
		for (String extension : new String[] { ".sd", ".json" }) {
			try (InputStream in = getClass().getClassLoader().getResourceAsStream("model/digit-cnn" + extension)) {
				Files.copy(in, Path.of(base + extension));
			}
		}
		return base;
	}
}
