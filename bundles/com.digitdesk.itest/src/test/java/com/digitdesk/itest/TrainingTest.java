package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Training and evaluation inside the framework, through their commands: the
 * training bundle trains on MNIST with ND4J from the library bundle the
 * recognizer also uses, and measures the recognizer it finds as a service.
 */
@ExtendWith(ServiceExtension.class)
class TrainingTest {

	private static final String EVAL_PID = "com.digitdesk.training.eval";
	private static final String EVAL_COMPONENT = "com.digitdesk.training.EvalCommand";

	@TempDir
	Path scratch;

	@Test
	void trainsASmallModelAndWritesItWithItsCard() throws Exception {
		Path out = scratch.resolve("models/tiny");
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		int status = Commands.run(result, new java.io.PrintStream(progress, true, StandardCharsets.UTF_8), "train",
				"--out", out.toString(), "--limit", "1200", "--epochs", "2", "--batch", "32", "--threads", "1",
				"--seed", "5");
		assertThat(status).as("train: %s", progress.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("epoch 2/2 done: validation accuracy");
		Path graph = out.resolveSibling("tiny.sd");
		assertThat(graph).isRegularFile();
		String text = result.toString(StandardCharsets.UTF_8);
		JsonNode card = new ObjectMapper().readTree(text.substring(text.indexOf('{')));
		assertThat(card.get("seed").asLong()).isEqualTo(5);
		assertThat(card.get("validationDigits").asInt()).isEqualTo(240);
		// 960 digits, two short epochs: far from the shipped model, far above chance (0.1).
		assertThat(card.get("testAccuracy").asDouble()).isGreaterThan(0.3);
		assertThat(card.get("nd4jVersion").asText()).contains("CpuBackend");
		assertThat(Files.readString(out.resolveSibling("tiny.json"))).contains(card.get("modelSha256").asText());
		assertThat(out.resolveSibling("tiny-training.png")).isRegularFile();

		// kept with a store as a candidate
		String url = "jdbc:h2:file:" + scratch.resolve("store/results");
		ByteArrayOutputStream added = new ByteArrayOutputStream();
		assertThat(Commands.run(added, "models", "--db", url, "add", out.toString())).isZero();
		assertThat(added.toString(StandardCharsets.UTF_8)).contains("kept as a candidate (SHA-256 "
				+ card.get("modelSha256").asText() + ")");
		ByteArrayOutputStream listed = new ByteArrayOutputStream();
		assertThat(Commands.run(listed, "models", "--db", url, "--json")).isZero();
		JsonNode versions = new ObjectMapper().readTree(listed.toString(StandardCharsets.UTF_8));
		assertThat(versions).hasSize(1);
		assertThat(versions.get(0).get("state").asText()).isEqualTo("candidate");
		assertThat(versions.get(0).get("card").get("seed").asLong()).isEqualTo(5);
		// a graph that does not match its card is not kept
		Files.write(out.resolveSibling("tiny.sd"), new byte[] { 1, 2, 3 });
		assertThat(Commands.run(new ByteArrayOutputStream(), "models", "--db", url, "add", out.toString()))
				.isEqualTo(1);
	}

	@Test
	void evalMeasuresTheInstalledRecognizerAgainstTheBaseline(@InjectService MnistDatasets mnist) throws Exception {
		// another set in MNIST's IDX layout: 600 training digits (the only digits a clean machine has)
		DigitDataset.Split split = mnist.split(mnist.training(), 600, 17);
		Path other = scratch.resolve("others/hand");
		Files.createDirectories(other.getParent());
		mnist.write(split.heldOut(), other.resolveSibling("hand-images-idx3-ubyte"),
				other.resolveSibling("hand-labels-idx1-ubyte"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Path plot = scratch.resolve("curve.png");
		assertThat(Commands.run(out, "eval", "--json", "--tesseract-digits", "20", "--plot", plot.toString(),
				"--digits", other.toString())).isZero();
		JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(report.get("test_set_digits").asInt()).isEqualTo(600);
		assertThat(report.get("test_set").asText()).isEqualTo(other.toString());
		// digits the shipped model trained on: hardly any wrong
		assertThat(report.get("test_error").asDouble()).isBetween(0.0, 0.01);
		assertThat(report.get("test_set_error_at_reject").get("5.0%").asDouble())
				.isLessThanOrEqualTo(report.get("test_error").asDouble());

		// forms filled in by that hand
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		assertThat(Commands.run(written, "corpus", "--out", scratch.resolve("hand-forms").toString(), "--pages", "1",
				"--digits-file", other.toString())).isZero();
		assertThat(written.toString(StandardCharsets.UTF_8)).contains("(seed ").contains(", hand digits,");
		assertThat(ImportTest.pdfs(scratch.resolve("hand-forms"))).hasSize(1);
		assertThat(report.get("test_digits").asInt()).isEqualTo(10_000);
		// The shipped models: 0.35% on MNIST's test digits.
		assertThat(report.get("mnist_test_error").asDouble()).isLessThan(0.006);
		assertThat(report.get("tesseract_digits").asInt()).isEqualTo(20);
		assertThat(report.get("second_model_sha256").asText()).hasSize(64);
		assertThat(report.get("reject_rate_at_0_1pct_error").asDouble()).isBetween(0.0, 0.05);
		// Noise and letters drawn as strokes, kinds the network never trained on, are rarely a confident digit.
		assertThat(report.get("non_digit_confident_rate").asDouble()).isBetween(0.0, 0.02);
		assertThat(plot).isRegularFile();
	}

	@Test
	void trainsADigitGeneratorAndWritesItWithItsCardAndASheetOfItsDigits() throws Exception {
		Path out = scratch.resolve("generators/quick-gan");
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		assertThat(Commands.run(result, new java.io.PrintStream(progress, true, StandardCharsets.UTF_8),
				"train-generator", "--kind", "gan", "--epochs", "1", "--limit", "1280", "--out", out.toString()))
				.as(progress.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("epoch 1/1").contains("ETA");
		JsonNode card = new ObjectMapper().readTree(out.resolveSibling("quick-gan.json").toFile());
		assertThat(card.get("kind").asText()).isEqualTo("gan");
		assertThat(card.get("trainingDigits").asInt()).isEqualTo(1280);
		assertThat(result.toString(StandardCharsets.UTF_8)).contains(card.get("graphSha256").asText());
		assertThat(out.resolveSibling("quick-gan.sd")).isRegularFile();
		assertThat(javax.imageio.ImageIO.read(out.resolveSibling("quick-gan.png").toFile()).getWidth()).isEqualTo(280);
	}

	@Test
	void evalsRecognizersAreConfigured(@InjectService ConfigurationAdmin configurationAdmin,
			@InjectService ServiceComponentRuntime scr) throws Exception {
		assertThat(Await.until(() -> baselineTargets(scr).equals("(recognizer=tesseract)"))).as(baselineTargets(scr))
				.isTrue();
		assertThat(Commands.named("eval").usage()).startsWith("usage: digitdesk eval [--db JDBC-URL] [--json]");
		Configuration configuration = configurationAdmin.getConfiguration(EVAL_PID, "?");
		Dictionary<String, Object> settings = new Hashtable<>();
		settings.put("baseline.target", "(recognizer=none)");
		try {
			configuration.update(settings);
			assertThat(Await.until(() -> baselineTargets(scr).equals("(recognizer=none) bound 0"))).as(baselineTargets(scr))
					.isTrue();
		} finally {
			configuration.delete();
		}
		assertThat(Await.until(() -> baselineTargets(scr).equals("(recognizer=tesseract)"))).isTrue();
	}

	@Test
	void oneNd4jBundleServesTheRecognizerAndTraining() {
		BundleContext context = FrameworkUtil.getBundle(TrainingTest.class).getBundleContext();
		long nd4jBundles = java.util.Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
				.filter(name -> name.startsWith("com.digitdesk.nd4j")).count();
		assertThat(nd4jBundles).as("one ND4J library bundle").isEqualTo(1);
		assertThat(java.util.Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName))
				.contains("com.digitdesk.training", "com.digitdesk.recognizer");
	}

	/** The eval command's baseline reference: its target, and how many services it holds when not the default. */
	private static String baselineTargets(ServiceComponentRuntime scr) {
		for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
			if (!description.name.equals(EVAL_COMPONENT)) {
				continue;
			}
			for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
				for (SatisfiedReferenceDTO reference : configuration.satisfiedReferences) {
					if (reference.name.equals("baseline")) {
						return reference.target.equals("(recognizer=tesseract)") ? reference.target
								: reference.target + " bound " + reference.boundServices.length;
					}
				}
				return "state " + configuration.state;
			}
		}
		return "no component " + EVAL_COMPONENT;
	}
}
