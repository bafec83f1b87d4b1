package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.store.ModelFollowing;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.NewModel;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.training.MnistDatasets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A running runtime reads with its store's current model version: promoted
 * or rolled back in the store, the recognizer switches through
 * Configuration Admin, with no restart.
 */
@ExtendWith(ServiceExtension.class)
class ModelSwitchTest {

	@InjectService(timeout = 20000)
	static ResultStores stores;

	@InjectService(timeout = 20000)
	static ConfigurationAdmin configurations;

	@TempDir
	static Path work;

	@Test
	void theRecognizerFollowsTheStoresCurrentModel(
			@InjectService(filter = "(recognizer=cnn)", timeout = 20000) ServiceAware<DigitRecognizer> cnn)
			throws Exception {
		DigitRecognizer service = cnn.waitForService(20000);
		String shippedId = service.info().modelId();
		String url = "jdbc:h2:file:" + work.resolve("store/results");
		ResultStore store = stores.store(url);
		Bundle recognizerBundle = FrameworkUtil.getBundle(cnn.getService().getClass());
		ModelVersion first = store.addModel(shipped(recognizerBundle, "digit-cnn", Optional.empty()));
		ModelVersion second = store.addModel(shipped(recognizerBundle, "digit-cnn-second", Optional.of(first.version())));
		store.promote(first.version(), "admin");

		Configuration follower = configurations.getConfiguration("com.digitdesk.models", "?");
		Configuration recognizer = configurations.getConfiguration("com.digitdesk.recognizer", "?");
		try {
			Dictionary<String, Object> settings = new Hashtable<>();
			settings.put("followStore", true);
			settings.put("storeUrl", url);
			settings.put("pollSeconds", 1);
			follower.update(settings);
			assertThat(Await.until(() -> readsWith(cnn).startsWith(first.sha256()))).as(readsWith(cnn)).isTrue();

			store.promote(second.version(), "admin");
			assertThat(Await.until(() -> readsWith(cnn).startsWith(second.sha256()))).as(readsWith(cnn)).isTrue();

			store.rollback("admin");
			assertThat(Await.until(() -> readsWith(cnn).startsWith(first.sha256()))).as(readsWith(cnn)).isTrue();
			assertThat(first.sha256()).isEqualTo(shippedId.substring(0, 64));
			assertThat(cnn.getService()).as("switched in place, not restarted").isSameAs(service);
		} finally {
			follower.delete();
			recognizer.delete();
		}
		assertThat(Await.until(() -> readsWith(cnn).equals(shippedId))).as(readsWith(cnn)).isTrue();
	}

	@Test
	void commandsReadWithTheCurrentModelOfTheStoreTheyNameAndARollbackRestoresItsReadings(
			@InjectService(timeout = 20000) ModelFollowing following, @InjectService MnistDatasets mnist,
			@InjectService(filter = "(recognizer=cnn)", timeout = 20000) ServiceAware<DigitRecognizer> cnn)
			throws Exception {
		DigitRecognizer service = cnn.waitForService(20000);
		String shippedId = service.info().modelId();
		String url = "jdbc:h2:file:" + work.resolve("named/results");
		ResultStore store = stores.store(url);
		Bundle recognizerBundle = FrameworkUtil.getBundle(service.getClass());
		ModelVersion first = store.addModel(shipped(recognizerBundle, "digit-cnn", Optional.empty()));
		ModelVersion other = store.addModel(shipped(recognizerBundle, "digit-cnn-second", Optional.of("v1")));
		List<DigitImage> glyphs = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			glyphs.add(mnist.test().image(i));
		}
		String empty = "jdbc:h2:file:" + work.resolve("empty/results");
		try {
			store.promote(first.version(), "admin");
			assertThat(following.readWithCurrentModel(url)).map(ModelVersion::version).contains(first.version());
			List<DigitPrediction> before = service.recognize(glyphs);

			store.promote(other.version(), "admin");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThat(Commands.run(out, "eval", "--db", url, "--json", "--tesseract-digits", "0", "--plot",
					work.resolve("curve.png").toString())).isZero();
			JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
			assertThat(report.get("model_version").asText()).isEqualTo(other.version());
			assertThat(report.get("model_sha256").asText()).isEqualTo(other.sha256());
			// the second shipped network (LeNet-5) read first: still a good reader of MNIST
			assertThat(report.get("mnist_test_error").asDouble()).isLessThan(0.02);
			assertThat(cnn.getService()).isSameAs(service);
			assertThat(readings(service.recognize(glyphs))).isNotEqualTo(readings(before));

			// rolled back: the model before, and the very readings it gave
			store.rollback("admin");
			assertThat(following.readWithCurrentModel(url)).map(ModelVersion::version).contains(first.version());
			assertThat(readings(service.recognize(glyphs))).isEqualTo(readings(before));

			// a store without versions: the recognizer's own model again, at once
			assertThat(following.readWithCurrentModel(empty)).isEmpty();
			assertThat(service.info().modelId()).isEqualTo(shippedId);
		} finally {
			following.readWithCurrentModel(empty);
		}
		assertThat(service.info().modelId()).isEqualTo(shippedId);
	}

	/** Every class probability of every glyph, in order. */
	private static List<List<ClassProbability>> readings(List<DigitPrediction> predictions) {
		return predictions.stream().map(DigitPrediction::ranked).toList();
	}

	/** The model the recognizer reads with now; "" while it is being replaced. */
	private static String readsWith(ServiceAware<DigitRecognizer> cnn) {
		DigitRecognizer recognizer = cnn.getService();
		return recognizer == null ? "" : recognizer.info().modelId();
	}

	/** A model shipped in the recognizer bundle, as a version to keep with a store. */
	private static NewModel shipped(Bundle bundle, String name, Optional<String> parent) throws Exception {
		try (InputStream graph = bundle.getEntry("model/" + name + ".sd").openStream();
				InputStream card = bundle.getEntry("model/" + name + ".json").openStream()) {
			return new NewModel(parent, graph.readAllBytes(), new String(card.readAllBytes(), StandardCharsets.UTF_8),
					"{}", "shipped as " + name);
		}
	}
}
