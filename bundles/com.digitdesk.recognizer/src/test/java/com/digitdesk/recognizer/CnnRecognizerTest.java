package com.digitdesk.recognizer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.RecognitionException;

/**
 * A configuration naming a model that is not there: the component does not
 * activate (so no service is registered), and the reason names the file.
 * (Switching models in place, and refusing a model that does not load while
 * one reads, is tested in the framework: RecognizerTest, ModelSwitchTest.)
 */
class CnnRecognizerTest {

	@Test
	void aMissingModelKeepsTheComponentFromActivatingAndNamesTheFile() {
		assertThatThrownBy(() -> new CnnRecognizer(null, configuration("/nonexistent/models/digit-cnn")))
				.isInstanceOf(RecognitionException.class)
				.hasMessageContaining("/nonexistent/models/digit-cnn.sd does not exist");
	}

	/** The component's configuration as DS gives it, with a model location and the defaults otherwise. */
	private static RecognizerConfiguration configuration(String modelLocation) {
		return new RecognizerConfiguration() {
			@Override
			public Class<? extends Annotation> annotationType() {
				return RecognizerConfiguration.class;
			}

			@Override
			public String modelLocation() {
				return modelLocation;
			}

			@Override
			public boolean secondOpinion() {
				return false;
			}

			@Override
			public String secondModelLocation() {
				return "";
			}

			@Override
			public double secondOpinionBelow() {
				return 0.999;
			}

			@Override
			public double shiftedViewsBelow() {
				return 0.7;
			}

			@Override
			public double carefulViewsBelow() {
				return 0.999;
			}

			@Override
			public int batchSize() {
				return 64;
			}

			@Override
			public int threads() {
				return 1;
			}
		};
	}
}
