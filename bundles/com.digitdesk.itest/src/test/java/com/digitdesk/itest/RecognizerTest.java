package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.recognition.ActivationMaps;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.EvaluableRecognizer;
import com.digitdesk.api.training.MnistDatasets;

/** The CNN recognizer inside the framework: real digits, and a model that does not load never replaces the one reading. */
@ExtendWith(ServiceExtension.class)
class RecognizerTest {

	private static final String PID = "com.digitdesk.recognizer";

	@InjectService(filter = "(recognizer=cnn)", timeout = 10000)
	ServiceAware<DigitRecognizer> cnn;

	@InjectService
	MnistDatasets mnist;

	@Test
	void recognizesRealDigits() throws Exception {
		DigitDataset test = mnist.test();
		List<DigitImage> glyphs = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			glyphs.add(test.image(i));
		}
		List<DigitPrediction> predictions = cnn.waitForService(10000).recognize(glyphs);
		int right = 0;
		for (int i = 0; i < glyphs.size(); i++) {
			right += predictions.get(i).top().digit() == test.label(i) ? 1 : 0;
		}
		assertThat(right / 300.0).isGreaterThanOrEqualTo(0.98);
		assertThat(cnn.getService().info().name()).isEqualTo("cnn");
	}

	@Test
	void theFirstLayerShowsWhereTheInkIs() throws Exception {
		DigitImage digit = mnist.test().image(0);
		ActivationMaps maps = cnn.waitForService(10000).firstLayer(digit).orElseThrow();
		assertThat(maps.count()).isEqualTo(32);
		assertThat(maps.side()).isEqualTo(26);
		// a blank glyph's maps are the biases alone; the digit's differ where its strokes are
		ActivationMaps blank = cnn.getService().firstLayer(DigitImage.blank()).orElseThrow();
		float[] ink = maps.values();
		float[] none = blank.values();
		int changed = 0;
		for (int i = 0; i < ink.length; i++) {
			changed += Math.abs(ink[i] - none[i]) > 1e-4 ? 1 : 0;
		}
		assertThat(changed).isGreaterThan(ink.length / 20);
		for (int m = 0; m < 32; m++) {
			assertThat(blank.at(m, 0, 0)).isEqualTo(blank.at(m, 13, 13));
		}
		for (float value : ink) {
			assertThat(value).isGreaterThanOrEqualTo(0f);
		}
	}

	@Test
	void theRecognizerIsOfferedOnlyUnderItsServiceInterfaces() throws Exception {
		cnn.waitForService(10000);
		assertThat((String[]) cnn.getServiceReference().getProperty("objectClass")).containsExactlyInAnyOrder(
				DigitRecognizer.class.getName(), EvaluableRecognizer.class.getName());
	}

	@Test
	void aModelThatDoesNotLoadNeverReplacesTheOneReading(@InjectService ConfigurationAdmin configurationAdmin)
			throws Exception {
		DigitRecognizer before = cnn.waitForService(10000);
		String model = before.info().modelId();
		Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
		Dictionary<String, Object> settings = new Hashtable<>();
		settings.put("modelLocation", "/nonexistent/models/digit-cnn");
		try {
			configuration.update(settings);
			// the component has taken the configuration once its service shows it
			assertThat(Await.until(() -> "/nonexistent/models/digit-cnn"
					.equals(cnn.getServiceReference().getProperty("modelLocation")))).isTrue();
			assertThat(cnn.getService()).as("the same service, not restarted").isSameAs(before);
			assertThat(before.info().modelId()).isEqualTo(model);
			assertThat(before.recognize(List.of(mnist.test().image(0))).get(0).top().digit())
					.isEqualTo(mnist.test().label(0));
		} finally {
			configuration.delete();
		}
	}
}
