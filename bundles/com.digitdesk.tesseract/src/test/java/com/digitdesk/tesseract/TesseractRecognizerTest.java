package com.digitdesk.tesseract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.segment.GlyphNormalizer;

/** The recognizer with the system's libtesseract and language data, on real MNIST test digits. */
class TesseractRecognizerTest {

	private static final Path TESSDATA = Path.of(TesseractConfiguration.DEBIAN_DATA_PATH);
	private static final int DIGITS = 200;

	private static DigitDataset test;
	private static TesseractRecognizer recognizer;

	@TempDir
	Path scratch;

	@BeforeAll
	static void start() throws Exception {
		test = MnistCache.atDefaultLocation().test();
		recognizer = new TesseractRecognizer(TESSDATA, "eng");
	}

	@AfterAll
	static void stop() {
		recognizer.deactivate();
	}

	@Test
	void readsMnistDigitsWellAboveChance() throws Exception {
		List<DigitImage> glyphs = glyphs(0, DIGITS);
		long start = System.nanoTime();
		List<DigitPrediction> predictions = recognizer.recognize(glyphs);
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(predictions).hasSize(DIGITS);
		int right = 0;
		for (int i = 0; i < DIGITS; i++) {
			assertWellFormed(predictions.get(i));
			right += predictions.get(i).top().digit() == test.label(i) ? 1 : 0;
		}
		double accuracy = (double) right / DIGITS;
		System.out.printf("Tesseract on %d MNIST test digits: accuracy %.3f, %.0f digits/s%n", DIGITS, accuracy,
				DIGITS / seconds);
		// Tesseract reads print, not handwriting: a baseline, far from the CNN, but far above chance (10%).
		assertThat(accuracy).isGreaterThan(0.2);
	}

	@Test
	void readsAPrintedSeven() throws Exception {
		DigitPrediction prediction = recognizer.recognize(List.of(printed('7'))).get(0);
		assertWellFormed(prediction);
		assertThat(prediction.top().digit()).isEqualTo(7);
		assertThat(prediction.confidence()).isGreaterThan(0.5);
	}

	@Test
	void blankCellIsNotADigit() throws Exception {
		DigitPrediction prediction = recognizer.recognize(List.of(DigitImage.blank())).get(0);
		assertThat(prediction.top().digit()).isEqualTo(ClassProbability.NOT_A_DIGIT);
		assertThat(prediction.confidence()).isEqualTo(1.0);
	}

	@Test
	void concurrentCallsGiveTheSameAnswersAsOne() throws Exception {
		List<DigitImage> glyphs = glyphs(1000, 40);
		List<DigitPrediction> expected = recognizer.recognize(glyphs);
		int threads = 4;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier together = new CyclicBarrier(threads);
			Callable<List<DigitPrediction>> task = () -> {
				together.await();
				return recognizer.recognize(glyphs);
			};
			List<Future<List<DigitPrediction>>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(pool.submit(task));
			}
			for (Future<List<DigitPrediction>> result : results) {
				assertThat(result.get()).isEqualTo(expected);
			}
		} finally {
			pool.shutdownNow();
		}
		// Never more engines than threads at work, and every one came back for reuse.
		assertThat(recognizer.idleEngines()).isBetween(1, threads);
	}

	@Test
	void describesTheEngineAndModel() {
		assertThat(recognizer.info().name()).isEqualTo("tesseract");
		assertThat(recognizer.info().modelId()).matches("tesseract-5\\.[0-9.]+:eng:[0-9a-f]{64}");
		assertThat(recognizer.info().description()).contains(TESSDATA.toString()).contains("libtesseract");
	}

	@Test
	void wrongDataPathIsNamed() {
		Path missing = scratch.resolve("no-tessdata");
		assertThatThrownBy(() -> new TesseractRecognizer(missing, "eng")).isInstanceOf(RecognitionException.class)
				.hasMessageContaining("language data folder " + missing + " does not exist")
				.hasMessageContaining("apt-get install -y tesseract-ocr tesseract-ocr-eng");
	}

	@Test
	void missingLanguageModelIsNamed() {
		assertThatThrownBy(() -> new TesseractRecognizer(scratch, "eng")).isInstanceOf(RecognitionException.class)
				.hasMessageContaining("language model " + scratch.resolve("eng.traineddata") + " does not exist")
				.hasMessageContaining("apt-get install -y tesseract-ocr-eng");
	}

	@Test
	void unreadableLanguageModelFailsActivation() throws Exception {
		Files.writeString(scratch.resolve("xyz.traineddata"), "not a model");
		assertThatThrownBy(() -> new TesseractRecognizer(scratch, "xyz")).isInstanceOf(RecognitionException.class)
				.hasMessageContaining("cannot load language 'xyz' from " + scratch);
	}

	@Test
	void stoppedRecognizerRefusesWork() throws Exception {
		TesseractRecognizer stopped = new TesseractRecognizer(TESSDATA, "eng");
		stopped.deactivate();
		assertThatThrownBy(() -> stopped.recognize(glyphs(0, 1))).isInstanceOf(RecognitionException.class)
				.hasMessageContaining("stopped");
	}

	private static void assertWellFormed(DigitPrediction prediction) {
		List<ClassProbability> ranked = prediction.ranked();
		assertThat(ranked).hasSize(11);
		Set<Integer> classes = ranked.stream().map(ClassProbability::digit).collect(Collectors.toSet());
		assertThat(classes).hasSize(11);
		assertThat(ranked.stream().mapToDouble(ClassProbability::probability).sum()).isCloseTo(1.0,
				Offset.offset(1e-9));
	}

	private static List<DigitImage> glyphs(int first, int count) {
		List<DigitImage> glyphs = new ArrayList<>(count);
		for (int i = first; i < first + count; i++) {
			glyphs.add(test.image(i));
		}
		return glyphs;
	}

	/** A character printed in a sans-serif font, normalized the way the segmenter hands glyphs over. */
	private static DigitImage printed(char character) {
		int side = 96;
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
			g.drawString(String.valueOf(character), 24, 76);
		} finally {
			g.dispose();
		}
		// Drawn white on black: already MNIST polarity (ink bright).
		byte[] ink = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		return new GlyphNormalizer().normalize(side, side, ink);
	}
}
