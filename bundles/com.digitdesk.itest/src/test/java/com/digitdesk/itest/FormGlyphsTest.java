package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;

/**
 * Training data from forms: a corpus written with the digits a training run
 * learns from, read as the importer reads it, its glyphs labelled with their
 * true digits and written as IDX files.
 */
@ExtendWith(ServiceExtension.class)
class FormGlyphsTest {


	@InjectService(timeout = 20000)
	static MnistDatasets mnist;

	@InjectService(timeout = 20000, filter = "(recognizer=cnn)")
	static DigitRecognizer recognizer;

	@Test
	void glyphsCutFromAFittingCorpusCarryTheirTrueDigits(@TempDir Path work) throws Exception {
		Path corpus = work.resolve("fitting");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "corpus", "--out", corpus.toString(), "--pages", "4", "--seed", "5",
				"--digits", "fitting")).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("mnist-train-fitting");

		out.reset();
		assertThat(Commands.run(out, "form-glyphs", corpus.toString(), "--out",
				work.resolve("glyphs/fitting").toString())).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 pages");

		DigitDataset glyphs = mnist.read("fitting", work.resolve("glyphs/fitting-images-idx3-ubyte"),
				work.resolve("glyphs/fitting-labels-idx1-ubyte"));
		assertThat(glyphs.size()).isGreaterThan(100);
		List<DigitImage> images = new ArrayList<>();
		for (int i = 0; i < glyphs.size(); i++) {
			images.add(glyphs.image(i));
		}
		List<DigitPrediction> predictions = recognizer.recognize(images);
		int agree = 0;
		for (int i = 0; i < glyphs.size(); i++) {
			agree += predictions.get(i).isDigit() && predictions.get(i).top().digit() == glyphs.label(i) ? 1 : 0;
		}
		// Labels that slipped by one glyph would agree with the recognizer about one time in ten.
		assertThat((double) agree / glyphs.size()).isGreaterThan(0.95);
	}

	@Test
	void refusesAnUnknownDigitSetAndAMissingCorpus(@TempDir Path work) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "corpus", "--out", work.resolve("c").toString(), "--pages", "1",
				"--digits", "everything")).isEqualTo(2);
		assertThat(Commands.run(out, "form-glyphs", work.resolve("nowhere").toString(), "--out",
				work.resolve("g").toString())).isEqualTo(2);
		assertThat(Files.exists(work.resolve("g-images-idx3-ubyte"))).isFalse();
	}
}
