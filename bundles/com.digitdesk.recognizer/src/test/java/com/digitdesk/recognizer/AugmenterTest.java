package com.digitdesk.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.mnist.MnistCache;

class AugmenterTest {

	@Test
	void movesTheDigitButKeepsItsInkAndIsRepeatableForASeed() throws Exception {
		DigitDataset test = MnistCache.atDefaultLocation().test().head(50);
		byte[] source = new byte[50 * DigitImage.PIXELS];
		test.copyImages(0, 50, source, 0);
		byte[] once = new byte[source.length];
		byte[] again = new byte[source.length];
		for (int i = 0; i < 50; i++) {
			Augmenter.augment(source, i * DigitImage.PIXELS, once, i * DigitImage.PIXELS, new Random(i));
			Augmenter.augment(source, i * DigitImage.PIXELS, again, i * DigitImage.PIXELS, new Random(i));
		}
		assertThat(once).isEqualTo(again).isNotEqualTo(source);
		double ratio = ink(once) / ink(source);
		assertThat(ratio).isBetween(0.7, 1.4);
	}

	private static double ink(byte[] pixels) {
		double sum = 0;
		for (byte b : pixels) {
			sum += b & 0xFF;
		}
		return sum;
	}
}
