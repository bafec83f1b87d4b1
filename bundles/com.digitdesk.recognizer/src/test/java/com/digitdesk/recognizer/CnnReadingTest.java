package com.digitdesk.recognizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.EvaluableRecognizer;
import com.digitdesk.api.training.RecognizerSetup;
import com.digitdesk.api.training.Scores;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.recognizer.model.ModelFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shipped model through the recognizer's public interface, on real MNIST test digits. */
class CnnReadingTest {

	private static DigitDataset test;
	private static CnnReading recognizer;

	@TempDir
	Path scratch;

	@BeforeAll
	static void load() throws Exception {
		test = MnistCache.atDefaultLocation().test();
		recognizer = new CnnReading(BundledModel.load(), 64, 2);
	}

	@AfterAll
	static void stop() {
		recognizer.close();
	}

	@Test
	void theSecondModelIsAskedOnlyAboutGlyphsTheFirstIsUnsureOf() throws Exception {
		// A second model as an admin would configure one: here the shipped network with another temperature,
		// so that its probabilities differ from the first's.
		Path base = scratch.resolve("second");
		Files.copy(ModelFiles.graphFile(BundledModel.BASE), ModelFiles.graphFile(base));
		ObjectMapper json = new ObjectMapper();
		ObjectNode card = (ObjectNode) json
				.readTree(ModelFiles.cardFile(BundledModel.BASE).toFile());
		card.put("temperature", 2.0);
		json.writeValue(ModelFiles.cardFile(base).toFile(), card);
		ModelFiles.Loaded second = ModelFiles.load(base);
		List<DigitImage> glyphs = glyphs(0, 1000);
		List<DigitPrediction> alone = recognizer.recognize(glyphs);
		CnnReading other = new CnnReading(second, 64, 2);
		CnnReading pair = new CnnReading(BundledModel.load(), Optional.of(second), 0.999, 64, 2);
		try {
			List<DigitPrediction> secondAlone = other.recognize(glyphs);
			List<DigitPrediction> together = pair.recognize(glyphs);
			int asked = 0;
			for (int i = 0; i < glyphs.size(); i++) {
				if (alone.get(i).confidence() >= 0.999) {
					assertThat(together.get(i).top()).isEqualTo(alone.get(i).top());
					continue;
				}
				asked++;
				// The pair's probability of the first model's answer is the mean of the two models' (up to float
				// rounding: the network sums in another order for another batch).
				int digit = alone.get(i).top().digit();
				assertThat(probability(together.get(i), digit)).isCloseTo(
						(probability(alone.get(i), digit) + probability(secondAlone.get(i), digit)) / 2,
						org.assertj.core.data.Offset.offset(1e-6));
			}
			assertThat(asked).isBetween(1, glyphs.size() / 2);
			assertThat(pair.info().modelId()).contains("+" + second.sha256());
		} finally {
			other.close();
			pair.close();
		}
	}

	@Test
	void doubtfulGlyphsAreAlsoReadShiftedAndTheFiveReadingsAveraged() throws Exception {
		ModelFiles.Loaded first = BundledModel.load();
		ModelFiles.Loaded second = BundledModel.loadSecond();
		CnnReading pair = new CnnReading(first, Optional.of(second), 0.999, 64, 2);
		CnnReading shifting = new CnnReading(first, Optional.of(second), 0.999, 0.9, 0.9, 64, 2);
		CnnReading careful = new CnnReading(first, Optional.of(second), 0.999, 0, 0.9, 64, 2);
		try {
			List<DigitImage> glyphs = glyphs(0, 2000);
			List<DigitPrediction> byPair = pair.recognize(glyphs);
			List<DigitPrediction> byShifting = shifting.recognize(glyphs);
			// Without views for a plain reading, the careful one still takes them.
			assertThat(careful.recognize(glyphs)).isEqualTo(byPair);
			assertThat(careful.recognizeCarefully(glyphs)).isEqualTo(byShifting);
			int doubtful = 0;
			for (int i = 0; i < glyphs.size(); i++) {
				int digit = byPair.get(i).top().digit();
				double expected = byPair.get(i).top().probability();
				if (expected < 0.9) {
					doubtful++;
					byte[] pixels = new byte[DigitImage.PIXELS];
					glyphs.get(i).copyTo(pixels, 0);
					byte[] views = ShiftedViews.of(pixels, new int[] { 0 });
					double sum = expected;
					for (int v = 0; v < ShiftedViews.PER_GLYPH; v++) {
						DigitImage view = DigitImage.copyOf(views, v * DigitImage.PIXELS);
						sum += probability(pair.recognize(List.of(view)).get(0), digit);
					}
					expected = sum / (ShiftedViews.PER_GLYPH + 1);
				}
				assertThat(probability(byShifting.get(i), digit)).as("glyph " + i).isCloseTo(expected,
						org.assertj.core.data.Offset.offset(1e-5));
			}
			assertThat(doubtful).isBetween(1, glyphs.size() / 20);
		} finally {
			pair.close();
			shifting.close();
			careful.close();
		}
	}

	@Test
	void aShiftedViewMovesTheInkOnePixelAndLosesWhatFallsOff() {
		byte[] pixels = new byte[2 * DigitImage.PIXELS];
		pixels[DigitImage.PIXELS + 5 * DigitImage.SIDE + 27] = 9; // glyph 1, row 5, last column
		pixels[DigitImage.PIXELS + 0 * DigitImage.SIDE + 3] = 7; // glyph 1, top row, column 3
		byte[] views = ShiftedViews.of(pixels, new int[] { 1 });
		int right = 0;
		int left = DigitImage.PIXELS;
		int down = 2 * DigitImage.PIXELS;
		int up = 3 * DigitImage.PIXELS;
		assertThat(views[right + 0 * DigitImage.SIDE + 4]).isEqualTo((byte) 7);
		assertThat(views[left + 5 * DigitImage.SIDE + 26]).isEqualTo((byte) 9);
		assertThat(views[down + 6 * DigitImage.SIDE + 27]).isEqualTo((byte) 9);
		assertThat(views[up + 4 * DigitImage.SIDE + 27]).isEqualTo((byte) 9);
		// Off the edge: the 9 shifted right and the 7 shifted up are gone.
		int inkRight = 0;
		int inkUp = 0;
		for (int i = 0; i < DigitImage.PIXELS; i++) {
			inkRight += views[right + i] != 0 ? 1 : 0;
			inkUp += views[up + i] != 0 ? 1 : 0;
		}
		assertThat(inkRight).isEqualTo(1);
		assertThat(inkUp).isEqualTo(1);
	}

	@Test
	void scoresForEvaluationAreTheProbabilitiesARecognitionReports() throws Exception {
		ModelFiles.Loaded first = BundledModel.load();
		ModelFiles.Loaded second = BundledModel.loadSecond();
		CnnReading pair = new CnnReading(first, Optional.of(second), 0.999, 0.7, 0.999, 64, 2);
		try {
			List<DigitImage> glyphs = glyphs(0, 1000);
			byte[] pixels = new byte[glyphs.size() * DigitImage.PIXELS];
			for (int i = 0; i < glyphs.size(); i++) {
				glyphs.get(i).copyTo(pixels, i * DigitImage.PIXELS);
			}
			Scores scores = pair.scores(pixels, glyphs.size());
			List<DigitPrediction> predictions = pair.recognize(glyphs);
			for (int i = 0; i < glyphs.size(); i++) {
				DigitPrediction expected = predictions.get(i);
				int digit = expected.top().digit();
				int index = digit == ClassProbability.NOT_A_DIGIT ? EvaluableRecognizer.NOT_A_DIGIT : digit;
				assertThat(scores.calibrated()[i * EvaluableRecognizer.CLASSES + index]).as("glyph " + i)
						.isEqualTo(expected.top().probability());
			}
			assertThat(scores.secondOpinions()).isBetween(1, glyphs.size() / 2);
			assertThat(scores.shiftedViews()).isBetween(1, scores.secondOpinions());
			assertThat(scores.raw()).isNotEqualTo(scores.calibrated());
			RecognizerSetup setup = pair.setup();
			assertThat(setup.modelSha256()).isEqualTo(first.sha256());
			assertThat(setup.secondModelSha256()).isEqualTo(second.sha256());
			assertThat(setup.temperature()).isEqualTo(first.card().temperature());
			assertThat(setup.shiftedViewsBelow()).isEqualTo(0.7);
			// A trial copy with other batch settings reads the same; the first model alone reads as a recognizer
			// of that model alone.
			try (EvaluableRecognizer.Trial copy = pair.trial(16, 1, false);
					EvaluableRecognizer.Trial alone = pair.trial(1, 1, true)) {
				assertSameReadings(copy.recognize(glyphs.subList(0, 200)), predictions.subList(0, 200));
				assertSameReadings(alone.recognize(glyphs.subList(0, 50)), recognizer.recognize(glyphs.subList(0, 50)));
			}
		} finally {
			pair.close();
		}
	}

	/** The same up to float rounding: the network sums in another order for another batch size. */
	private static void assertSameReadings(List<DigitPrediction> actual, List<DigitPrediction> expected) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < actual.size(); i++) {
			assertThat(actual.get(i).top().digit()).as("glyph " + i).isEqualTo(expected.get(i).top().digit());
			assertThat(actual.get(i).top().probability()).as("glyph " + i)
					.isCloseTo(expected.get(i).top().probability(), org.assertj.core.data.Offset.offset(1e-5));
		}
	}

	private static double probability(DigitPrediction prediction, int digit) {
		return prediction.ranked().stream().filter(c -> c.digit() == digit).findFirst().orElseThrow().probability();
	}

	@Test
	void theShippedPairMakesFewerMistakesThanTheFirstModelAlone() throws Exception {
		ModelFiles.Loaded first = BundledModel.load();
		ModelFiles.Loaded second = BundledModel.loadSecond();
		assertThat(second.sha256()).isNotEqualTo(first.sha256());
		CnnReading pair = new CnnReading(first, Optional.of(second), 0.999, 64, 2);
		try {
			List<DigitImage> glyphs = glyphs(0, test.size());
			List<DigitPrediction> alone = recognizer.recognize(glyphs);
			List<DigitPrediction> together = pair.recognize(glyphs);
			int wrongAlone = 0;
			int wrongTogether = 0;
			for (int i = 0; i < test.size(); i++) {
				wrongAlone += alone.get(i).top().digit() == test.label(i) ? 0 : 1;
				wrongTogether += together.get(i).top().digit() == test.label(i) ? 0 : 1;
			}
			// All 10,000 test digits: 57 wrong alone, 47 together when the pair was chosen.
			assertThat(wrongTogether).isLessThan(wrongAlone);
		} finally {
			pair.close();
		}
	}

	@Test
	void recognizesRealDigits() throws Exception {
		List<DigitImage> glyphs = glyphs(0, 500);
		List<DigitPrediction> predictions = recognizer.recognize(glyphs);
		assertThat(predictions).hasSize(500);
		int right = 0;
		for (int i = 0; i < 500; i++) {
			DigitPrediction prediction = predictions.get(i);
			assertThat(prediction.ranked()).hasSize(11);
			assertThat(prediction.ranked().stream().mapToDouble(ClassProbability::probability).sum())
					.isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
			right += prediction.top().digit() == test.label(i) ? 1 : 0;
		}
		assertThat(right / 500.0).isGreaterThanOrEqualTo(0.98);
	}

	@Test
	void blankCellsAreNotDigits() throws Exception {
		DigitPrediction blank = recognizer.recognize(List.of(DigitImage.blank())).get(0);
		assertThat(blank.top().digit()).isEqualTo(ClassProbability.NOT_A_DIGIT);
	}

	@Test
	void concurrentCallsGiveTheSameAnswersAsOne() throws Exception {
		List<DigitImage> glyphs = glyphs(1000, 300);
		List<DigitPrediction> expected = recognizer.recognize(glyphs);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<DigitPrediction>>> results = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				results.add(pool.submit(() -> recognizer.recognize(glyphs)));
			}
			for (Future<List<DigitPrediction>> result : results) {
				assertThat(result.get()).isEqualTo(expected);
			}
		} finally {
			pool.shutdownNow();
		}
	}

	@Test
	void missingModelFileIsNamed() {
		Path base = scratch.resolve("nothing");
		assertThatThrownBy(() -> ModelFiles.load(base)).isInstanceOf(RecognitionException.class)
				.hasMessageContaining("model file " + scratch.resolve("nothing.sd").toAbsolutePath() + " does not exist");
	}

	@Test
	void damagedModelFileIsNamed() throws Exception {
		Path base = copyOfBundledModel();
		byte[] graph = Files.readAllBytes(ModelFiles.graphFile(base));
		graph[graph.length / 2] ^= 0x55;
		Files.write(ModelFiles.graphFile(base), graph);
		assertThatThrownBy(() -> ModelFiles.load(base)).isInstanceOf(RecognitionException.class)
				.hasMessageContaining(ModelFiles.graphFile(base).toAbsolutePath().toString())
				.hasMessageContaining("damaged or was replaced");
	}

	@Test
	void unreadableCardIsNamed() throws Exception {
		Path base = copyOfBundledModel();
		Files.writeString(ModelFiles.cardFile(base), "{ not json");
		assertThatThrownBy(() -> ModelFiles.load(base)).hasMessageContaining(
				"model card " + ModelFiles.cardFile(base).toAbsolutePath() + " is not valid");
	}

	@Test
	void graphThatIsNoNetworkIsNamedOnFirstUse() throws Exception {
		Path base = copyOfBundledModel();
		Files.write(ModelFiles.graphFile(base), new byte[] { 1, 2, 3, 4 });
		String card = Files.readString(ModelFiles.cardFile(base)).replaceAll("\"modelSha256\" : \"[0-9a-f]+\"",
				"\"modelSha256\" : \"" + ModelFiles.sha256(ModelFiles.graphFile(base)) + "\"");
		Files.writeString(ModelFiles.cardFile(base), card);
		CnnReading broken = new CnnReading(ModelFiles.load(base), 64, 1);
		try {
			assertThatThrownBy(() -> broken.recognize(glyphs(0, 3))).isInstanceOf(RecognitionException.class)
					.hasMessageContaining(ModelFiles.graphFile(base).toAbsolutePath().toString());
		} finally {
			broken.close();
		}
	}

	private Path copyOfBundledModel() throws Exception {
		Path base = scratch.resolve("model");
		Files.copy(ModelFiles.graphFile(BundledModel.BASE), ModelFiles.graphFile(base));
		Files.copy(ModelFiles.cardFile(BundledModel.BASE), ModelFiles.cardFile(base));
		return base;
	}

	private static List<DigitImage> glyphs(int from, int count) {
		List<DigitImage> glyphs = new ArrayList<>(count);
		for (int i = from; i < from + count; i++) {
			glyphs.add(test.image(i));
		}
		return glyphs;
	}
}
