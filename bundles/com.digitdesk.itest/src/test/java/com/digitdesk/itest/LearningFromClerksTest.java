package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.NewModel;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.Sample;
import com.digitdesk.api.store.SampleState;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Clerks' decisions keyed elsewhere reach the store through the verify
 * command without a window, and every verified digit becomes a training
 * sample that names the model that read it.
 */
@ExtendWith(ServiceExtension.class)
class LearningFromClerksTest {

	@InjectService(timeout = 20000)
	static ResultStores stores;

	@InjectService(timeout = 20000, filter = "(recognizer=cnn)")
	static DigitRecognizer recognizer;

	@InjectService(timeout = 20000)
	static MnistDatasets mnist;

	@TempDir
	static Path work;

	@Test
	void valuesKeyedElsewhereAreDecidedAndTheirDigitsKeptAsSamples() throws Exception {
		Path archive = work.resolve("archive");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", archive.toString(), "--pages", "8",
				"--seed", "43")).isZero();
		String url = "jdbc:h2:file:" + work.resolve("store/results");
		assertThat(Commands.run(new ByteArrayOutputStream(), "import", "--db", url, archive.toString())).isZero();
		ResultStore store = stores.store(url);
		List<StoredField> waiting = store.reviewQueue(1000);
		assertThat(waiting).isNotEmpty();

		// the true values of the waiting fields, as a double-keying service would send them, and one row too many
		Map<String, String> truth = ImportTest.groundTruth(archive);
		// ... one of them keyed wrong where the recognizer was sure: a poisoned label, held as suspect
		List<String> rows = new ArrayList<>(List.of("file,page,field,value"));
		StoredField poisonedField = null;
		String poisonedValue = null;
		for (StoredField field : waiting) {
			String value = truth.get(field.sourceFile() + "/" + field.page() + "/" + field.name());
			if (poisonedField == null) {
				Optional<String> wrong = wrongWhereSure(store, field, value);
				if (wrong.isPresent()) {
					poisonedField = field;
					poisonedValue = value = wrong.get();
				}
			}
			rows.add(field.sourceFile() + "," + field.page() + "," + field.name() + "," + value);
		}
		assertThat(poisonedField).as("a waiting field with a digit read for sure").isNotNull();
		long poisonedId = poisonedField.id();
		rows.add("form-09999.pdf,1,ssn,123456789");
		Path csv = work.resolve("keyed.csv");
		Files.write(csv, rows, StandardCharsets.UTF_8);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "verify", "--db", url, "--clerk", "keyer", "--from-csv", csv.toString()))
				.isZero();
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("verify: " + waiting.size() + " of " + (waiting.size() + 1)
				+ " values applied as keyer's decisions, 1 reported")
				.contains("(form-09999.pdf p.1 ssn = 123456789) not applied: matches no waiting field");
		assertThat(store.waitingCount()).isZero();
		for (StoredField field : waiting) {
			StoredField decided = store.field(field.id()).orElseThrow();
			assertThat(decided.status()).isEqualTo(FieldStatus.VERIFIED);
			assertThat(decided.value()).isEqualTo(field.id() == poisonedId ? poisonedValue
					: truth.get(field.sourceFile() + "/" + field.page() + "/" + field.name()));
			assertThat(decided.verification().orElseThrow().user()).isEqualTo("keyer");
		}

		// the verified digits: samples from the CSV, each naming the model that read its page
		List<Sample> samples = new ArrayList<>(store.samples(SampleState.ACCEPTED, 100_000));
		samples.addAll(store.samples(SampleState.SUSPECT, 100_000));
		assertThat(samples).isNotEmpty().allSatisfy(sample -> {
			assertThat(sample.source()).isEqualTo("csv");
			assertThat(sample.clerk()).isEqualTo("keyer");
			assertThat(sample.modelVersion()).contains(recognizer.info().modelId());
		});
		// a sample's label is the true digit at its place in the value
		for (Sample sample : samples) {
			StoredField field = store.field(sample.fieldId()).orElseThrow();
			String digits = field.value().replaceAll("[^0-9]", "");
			List<Integer> read = store.digits(field.id()).stream().filter(d -> d.prediction().isPresent())
					.map(d -> d.position()).toList();
			assertThat(digits.charAt(read.indexOf(sample.position())) - '0').isEqualTo(sample.label());
		}

		ByteArrayOutputStream counted = new ByteArrayOutputStream();
		assertThat(Commands.run(counted, "samples", "--db", url, "--json")).isZero();
		JsonNode json = ImportTest.JSON.readTree(counted.toByteArray());
		assertThat(json.get("total").asLong()).isEqualTo(samples.size());
		assertThat(json.get("by_source").get("csv").asLong()).isEqualTo(samples.size());
		long classes = 0;
		for (JsonNode states : json.get("by_class")) {
			for (JsonNode count : states) {
				classes += count.asLong();
			}
		}
		assertThat(classes).isEqualTo(samples.size());

		// the accepted ones as IDX files, to train or measure on
		Path prefix = work.resolve("exported/verified");
		ByteArrayOutputStream exported = new ByteArrayOutputStream();
		assertThat(Commands.run(exported, "samples", "--db", url, "export", prefix.toString())).isZero();
		List<Sample> accepted = store.samples(SampleState.ACCEPTED, 100_000);
		DigitDataset written = mnist.read("verified", prefix.resolveSibling("verified-images-idx3-ubyte"),
				prefix.resolveSibling("verified-labels-idx1-ubyte"));
		assertThat(written.size()).isEqualTo(accepted.size());
		for (int i = 0; i < accepted.size(); i++) {
			assertThat(written.label(i)).isEqualTo(accepted.get(i).label());
			assertThat(written.image(i)).isEqualTo(accepted.get(i).image());
		}

		// retrain: a candidate fine-tuned on them, kept with its shadow evaluation, promoted only through the guard
		ByteArrayOutputStream retrained = new ByteArrayOutputStream();
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		assertThat(Commands.run(retrained, new java.io.PrintStream(progress, true, StandardCharsets.UTF_8), "retrain",
				"--db", url, "--json", "--mnist", "2000")).as(progress.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("epoch 1/1").contains("digits/s")
				.contains("ETA");
		JsonNode outcome = ImportTest.JSON.readTree(retrained.toByteArray());
		String candidate = outcome.get("candidate").asText();
		assertThat(outcome.get("reason").asText()).isNotBlank();
		JsonNode figures = outcome.get("figures");
		assertThat(figures.get("held_out_error").get("digits").asInt()).isPositive();
		// suspect samples stay out of training and out of the held-out digits
		List<Sample> suspect = store.samples(SampleState.SUSPECT, 100_000);
		assertThat(suspect).anySatisfy(s -> assertThat(s.fieldId()).isEqualTo(poisonedId));
		assertThat(figures.get("verified_fitting_digits").asInt() + figures.get("held_out_error").get("digits").asInt())
				.isEqualTo(accepted.size());
		assertThat(figures.get("held_out_routing").get("current").get("accepted_share").asDouble()).isBetween(0.0, 1.0);
		assertThat(Path.of(outcome.get("reject_curves_png").asText())).isRegularFile();
		assertThat(figures.get("mnist_test_error").get("current").asDouble()).isBetween(0.0, 0.02);
		boolean better = figures.get("held_out_error").get("candidate").asDouble()
				< figures.get("held_out_error").get("current").asDouble()
				&& figures.get("mnist_test_error").get("candidate").asDouble()
						<= figures.get("mnist_test_error").get("current").asDouble() + 0.0005;
		assertThat(outcome.get("promoted").asBoolean()).isEqualTo(better);
		// the recognizer's own model became the first version, the candidate its child
		assertThat(store.models()).extracting(ModelVersion::version).containsExactly(candidate, "v1");
		assertThat(store.models().get(0).parent()).contains("v1");
		assertThat(store.currentModel()).map(ModelVersion::version).contains(better ? candidate : "v1");
		assertThat(store.models().get(1).sha256()).isEqualTo(recognizer.info().modelId().substring(0, 64));
	}

	/**
	 * The value with one digit changed where the recognizer read it with a
	 * probability above 0.99999 (so the clerk's label gets less than 1e-4).
	 */
	private static Optional<String> wrongWhereSure(ResultStore store, StoredField field, String value)
			throws Exception {
		List<DigitResult> read = store.digits(field.id()).stream()
				.filter(d -> d.prediction().isPresent()).toList();
		String digits = value.replaceAll("[^0-9]", "");
		if (digits.length() != read.size()) {
			return Optional.empty();
		}
		for (int i = 0; i < read.size(); i++) {
			var top = read.get(i).prediction().get().top();
			if (top.digit() == digits.charAt(i) - '0' && top.probability() > 0.99999) {
				int at = nthDigit(value, i);
				char wrong = (char) ('0' + (top.digit() + 5) % 10);
				return Optional.of(value.substring(0, at) + wrong + value.substring(at + 1));
			}
		}
		return Optional.empty();
	}

	private static int nthDigit(String value, int n) {
		for (int i = 0, seen = 0; i < value.length(); i++) {
			if (Character.isDigit(value.charAt(i)) && seen++ == n) {
				return i;
			}
		}
		throw new IllegalArgumentException(value + " has no digit " + n);
	}

	@Test
	void modelVersionsKeptWithTheStoreAreListed() throws Exception {
		String url = "jdbc:h2:file:" + work.resolve("models/results");
		ResultStore store = stores.store(url);
		ByteArrayOutputStream none = new ByteArrayOutputStream();
		assertThat(Commands.run(none, "models", "--db", url, "--json")).isZero();
		assertThat(ImportTest.JSON.readTree(none.toByteArray())).isEmpty();

		// the shipped model, as the recognizer bundle carries it
		Bundle recognizerBundle = FrameworkUtil.getBundle(recognizer.getClass());
		byte[] graph;
		String card;
		try (InputStream g = recognizerBundle.getEntry("model/digit-cnn.sd").openStream();
				InputStream c = recognizerBundle.getEntry("model/digit-cnn.json").openStream()) {
			graph = g.readAllBytes();
			card = new String(c.readAllBytes(), StandardCharsets.UTF_8);
		}
		ModelVersion shipped = store.addModel(new NewModel(Optional.empty(), graph, card, "{}", "shipped"));
		store.promote(shipped.version(), "admin");
		assertThat(store.modelGraph(shipped.version())).isEqualTo(graph);
		assertThat(shipped.sha256()).isEqualTo(recognizer.info().modelId().substring(0, 64));

		ByteArrayOutputStream listed = new ByteArrayOutputStream();
		assertThat(Commands.run(listed, "models", "--db", url, "--json")).isZero();
		JsonNode versions = ImportTest.JSON.readTree(listed.toByteArray());
		assertThat(versions).hasSize(1);
		assertThat(versions.get(0).get("version").asText()).isEqualTo(shipped.version());
		assertThat(versions.get(0).get("state").asText()).isEqualTo("current");
		assertThat(versions.get(0).get("parent").isNull()).isTrue();
		assertThat(versions.get(0).get("card").get("modelSha256").asText()).isEqualTo(shipped.sha256());

		// a candidate with no shadow evaluation is never promoted; the reason is printed and noted on it
		ModelVersion unmeasured = store.addModel(new NewModel(Optional.of(shipped.version()), graph, card, "{}",
				"added by hand"));
		ByteArrayOutputStream refused = new ByteArrayOutputStream();
		java.io.PrintStream errors = new java.io.PrintStream(refused, true, StandardCharsets.UTF_8);
		assertThat(Commands.run(new ByteArrayOutputStream(), errors, "models", "--db", url, "promote",
				unmeasured.version())).isEqualTo(1);
		assertThat(refused.toString(StandardCharsets.UTF_8)).contains(unmeasured.version() + " not promoted: ")
				.contains("no shadow evaluation");
		assertThat(store.currentModel()).map(ModelVersion::version).contains(shipped.version());
		assertThat(store.models().get(0).note()).startsWith("not promoted: it has no shadow evaluation");
		// nothing to roll back to
		assertThat(Commands.run(new ByteArrayOutputStream(), errors, "models", "--db", url, "rollback"))
				.isEqualTo(1);
		assertThat(refused.toString(StandardCharsets.UTF_8)).contains("no version was current before");
	}
}
