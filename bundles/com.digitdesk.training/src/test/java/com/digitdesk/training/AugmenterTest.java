package com.digitdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.segment.GlyphNormalizer;

class AugmenterTest {

	/** The segmenter's own, as training gets it from the service. */
	private static final GlyphNormalizer NORMALIZER = new GlyphNormalizer();

	@Test
	void movesTheDigitButKeepsItsInkAndIsRepeatableForASeed() throws Exception {
		DigitDataset test = Subsets.head(MnistCache.atDefaultLocation().test(), 50);
		byte[] source = new byte[50 * DigitImage.PIXELS];
		test.copyImages(0, 50, source, 0);
		byte[] once = new byte[source.length];
		byte[] again = new byte[source.length];
		for (int i = 0; i < 50; i++) {
			new Augmenter(true, true, NORMALIZER).augment(source, i * DigitImage.PIXELS, once, i * DigitImage.PIXELS, new Random(i));
			new Augmenter(true, true, NORMALIZER).augment(source, i * DigitImage.PIXELS, again, i * DigitImage.PIXELS, new Random(i));
		}
		assertThat(once).isEqualTo(again).isNotEqualTo(source);
		double ratio = ink(once) / ink(source);
		assertThat(ratio).isBetween(0.7, 1.4);
	}

	@Test
	void elasticDistortionBendsTheDigitButKeepsItsInkAndPlace() throws Exception {
		DigitDataset test = Subsets.head(MnistCache.atDefaultLocation().test(), 20);
		Random random = new Random(11);
		for (int i = 0; i < test.size(); i++) {
			byte[] original = test.image(i).pixels();
			byte[] bent = ElasticDistortion.apply(original, random);
			assertThat(bent).as("digit %d", i).isNotEqualTo(original);
			assertThat(ink(bent) / ink(original)).as("digit %d", i).isBetween(0.5, 1.6);
			// Displacements are smoothed: the digit bends, it does not jump.
			assertThat(Math.hypot(centroid(bent)[0] - centroid(original)[0], centroid(bent)[1] - centroid(original)[1]))
					.as("digit %d stays where it was", i).isLessThan(3);
		}
	}

	@Test
	void scanRoundTripKeepsTheDigitWithCrispEdges() throws Exception {
		DigitDataset test = Subsets.head(MnistCache.atDefaultLocation().test(), 20);
		for (int i = 0; i < test.size(); i++) {
			byte[] original = test.image(i).pixels();
			byte[] scanned = Augmenter.scanRoundTrip(original, 128, NORMALIZER);
			assertThat(ink(scanned) / ink(original)).as("digit %d", i).isBetween(0.6, 1.6);
			assertThat(overlap(original, scanned)).as("digit %d stays where it was", i).isGreaterThan(0.5);
		}
	}

	@Test
	void digitPartsAreNormalizedGlyphsOfTheirOwn() throws Exception {
		DigitDataset test = Subsets.head(MnistCache.atDefaultLocation().test(), 100);
		byte[] images = new byte[100 * DigitImage.PIXELS];
		test.copyImages(0, 100, images, 0);
		byte[] labels = test.labels();
		Random random = new Random(3);
		for (int i = 0; i < 20; i++) {
			DigitImage pair = NonDigits.touchingPair(random, images, labels.length, NORMALIZER);
			DigitImage half = NonDigits.half(random, images, labels, NORMALIZER);
			assertThat(ink(pair.pixels())).isGreaterThan(0);
			assertThat(ink(half.pixels())).isGreaterThan(0);
		}
	}

	@Test
	void touchingPairsTouchEvenWhenOneOfThemIsANarrowOne() throws Exception {
		DigitDataset test = Subsets.head(MnistCache.atDefaultLocation().test(), 200);
		byte[] images = new byte[200 * DigitImage.PIXELS];
		test.copyImages(0, 200, images, 0);
		Random random = new Random(5);
		for (int i = 0; i < 200; i++) {
			DigitImage pair = NonDigits.touchingPair(random, images, 200, NORMALIZER);
			assertThat(inkedColumnRuns(pair.pixels())).as("pair %d is one run of inked columns", i).isEqualTo(1);
		}
	}

	/** How many separate runs of columns holding ink a glyph has: two for digits standing apart. */
	private static int inkedColumnRuns(byte[] pixels) {
		int runs = 0;
		boolean inRun = false;
		for (int x = 0; x < DigitImage.SIDE; x++) {
			boolean inked = false;
			for (int y = 0; y < DigitImage.SIDE; y++) {
				inked |= (pixels[y * DigitImage.SIDE + x] & 0xFF) > 0;
			}
			runs += inked && !inRun ? 1 : 0;
			inRun = inked;
		}
		return runs;
	}

	private static double ink(byte[] pixels) {
		double sum = 0;
		for (byte b : pixels) {
			sum += b & 0xFF;
		}
		return sum;
	}

	private static double[] centroid(byte[] pixels) {
		double x = 0, y = 0, total = 0;
		for (int p = 0; p < pixels.length; p++) {
			int v = pixels[p] & 0xFF;
			x += v * (p % DigitImage.SIDE);
			y += v * (p / DigitImage.SIDE);
			total += v;
		}
		return new double[] { x / total, y / total };
	}

	/** Share of the original's strong ink still inked in the changed glyph. */
	private static double overlap(byte[] original, byte[] changed) {
		int overlap = 0;
		int inked = 0;
		for (int p = 0; p < original.length; p++) {
			if ((original[p] & 0xFF) > 128) {
				inked++;
				overlap += (changed[p] & 0xFF) > 64 ? 1 : 0;
			}
		}
		return (double) overlap / inked;
	}
}
