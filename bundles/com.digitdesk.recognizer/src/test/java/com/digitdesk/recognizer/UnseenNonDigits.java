package com.digitdesk.recognizer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;

/**
 * Non-digits of kinds the network never saw in training, to check that it
 * does not call them confident digits: dense random noise, and capital
 * letters drawn as pen strokes (training saw only font-rendered letters).
 */
final class UnseenNonDigits {

	/**
	 * Stroke letters: polylines in a 10x10 grid, one array per stroke
	 * (x0,y0,x1,y1,...). No H: many people write 4 as an H with a short right
	 * leg, and MNIST has such 4s.
	 */
	private static final int[][][] LETTERS = {
			{ { 0, 10, 5, 0, 10, 10 }, { 2, 6, 8, 6 } }, // A
			{ { 0, 0, 5, 10, 10, 0 } }, // V
			{ { 0, 0, 10, 10 }, { 10, 0, 0, 10 } }, // X
			{ { 0, 0, 0, 10 }, { 10, 0, 0, 5, 10, 10 } }, // K
			{ { 0, 10, 0, 0, 5, 6, 10, 0, 10, 10 } }, // M
			{ { 0, 0, 2, 10, 5, 4, 8, 10, 10, 0 } }, // W
			{ { 10, 0, 0, 0, 0, 10, 10, 10 }, { 0, 5, 7, 5 } }, // E
			{ { 0, 10, 0, 0, 10, 0 }, { 0, 5, 7, 5 } }, // F
			{ { 0, 0, 5, 5, 10, 0 }, { 5, 5, 5, 10 } }, // Y
			{ { 0, 10, 0, 0, 10, 10, 10, 0 } }, // N
	};

	private UnseenNonDigits() {
	}

	static List<DigitImage> samples(int count, long seed, DigitNormalizer normalizer) {
		Random random = new Random(seed);
		List<DigitImage> samples = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			samples.add(i % 2 == 0 ? noise(random) : strokeLetter(LETTERS[random.nextInt(LETTERS.length)], random, normalizer));
		}
		return samples;
	}

	static DigitImage noise(Random random) {
		byte[] pixels = new byte[DigitImage.PIXELS];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (byte) random.nextInt(256);
		}
		return new DigitImage(pixels);
	}

	static DigitImage strokeLetter(int[][] strokes, Random random, DigitNormalizer normalizer) {
		int side = 80;
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.setStroke(new BasicStroke(3 + random.nextFloat() * 4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			g.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 10), side / 2.0, side / 2.0);
			for (int[] stroke : strokes) {
				for (int p = 0; p + 3 < stroke.length; p += 2) {
					g.drawLine(point(stroke[p], random), point(stroke[p + 1], random), point(stroke[p + 2], random),
							point(stroke[p + 3], random));
				}
			}
		} finally {
			g.dispose();
		}
		byte[] ink = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		return normalizer.normalize(side, side, ink);
	}

	private static int point(int grid, Random random) {
		return 15 + grid * 5 + random.nextInt(5) - 2;
	}
}
