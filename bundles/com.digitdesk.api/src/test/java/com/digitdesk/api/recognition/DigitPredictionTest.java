package com.digitdesk.api.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DigitPredictionTest {

	@Test
	void topIsTheMostProbableClass() {
		DigitPrediction prediction = new DigitPrediction(
				List.of(new ClassProbability(7, 0.9), new ClassProbability(1, 0.08),
						new ClassProbability(ClassProbability.NOT_A_DIGIT, 0.02)));
		assertThat(prediction.top().digit()).isEqualTo(7);
		assertThat(prediction.confidence()).isEqualTo(0.9);
		assertThat(prediction.isDigit()).isTrue();
	}

	@Test
	void refusesUnrankedClasses() {
		assertThatThrownBy(() -> new DigitPrediction(
				List.of(new ClassProbability(1, 0.1), new ClassProbability(7, 0.9))))
				.hasMessageContaining("ranked");
	}

	@Test
	void refusesImpossibleProbabilities() {
		assertThatThrownBy(() -> new ClassProbability(3, 1.2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ClassProbability(3, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ClassProbability(10, 0.5)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void digitImagesAreImmutable() {
		byte[] pixels = new byte[DigitImage.PIXELS];
		pixels[29] = (byte) 200;
		DigitImage image = new DigitImage(pixels);
		pixels[29] = 0;
		assertThat(image.ink(1, 1)).isEqualTo(200);
		assertThat(image).isEqualTo(DigitImage.copyOf(image.pixels(), 0));
		assertThatThrownBy(() -> new DigitImage(new byte[10])).hasMessageContaining("784");
	}
}
