package com.digitdesk.training;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;

/**
 * Synthetic glyphs that are not digits, for the recognizer's eleventh class:
 * what a form's cells hold when they hold no digit. Blank cells with paper
 * noise, speckle, smudges, remnants of box lines, and letters (printed, in
 * several fonts and slants) that do not look like digits.
 */
final class NonDigits {

	/** Letters that cannot pass for a digit (O, I, l, S, Z, B, G, q, ... are left out). */
	static final String TRAINING_LETTERS = "ACEFHKMNPRUVWXYacdefhkmnprtuvwxy";
	static final String[] FONTS = { Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED };
	static final String DESCRIPTION = "blank+noise, speckle, smudges, box-line remnants, letters " + TRAINING_LETTERS
			+ " in sans/serif/mono, plain/bold/italic";
	static final String TOUCHING_PAIRS = ", two touching training digits";
	static final String DIGIT_HALVES = ", a training digit cut in two (one side; not of 1, 4, 7)";

	/** Which parts of training digits are made into non-digits. */
	record Parts(boolean touchingPairs, boolean halves) {
	}

	/** Digits whose halves can pass for a digit (a 1's half is a 1): never cut for a fragment. */
	private static final String UNCUT = "147";

	private NonDigits() {
	}

	/**
	 * One random non-digit, normalized as a segmenter would hand it over.
	 * Touching digits and halves of digits are what a segmenter produces when
	 * it cuts wrongly: the recognizer must not read them as a confident digit,
	 * so that the segmenter can ask it which cut is right.
	 *
	 * @param parts which kinds of digit parts to make as well
	 * @param digits training digits (784 bytes each) to make them of
	 * @param labels their labels
	 * @param normalizer normalizes them as the segmenter does
	 */
	static DigitImage next(Random random, Parts parts, byte[] digits, byte[] labels, DigitNormalizer normalizer) {
		int kinds = 6 + (parts.touchingPairs() ? 1 : 0) + (parts.halves() ? 1 : 0);
		int kind = random.nextInt(kinds);
		if (kind == 6 && parts.touchingPairs()) {
			return touchingPair(random, digits, labels.length, normalizer);
		}
		if (kind >= 6) {
			return half(random, digits, labels, normalizer);
		}
		return switch (kind) {
			case 0 -> blank(random);
			case 1 -> speckle(random);
			case 2 -> smudge(random, normalizer);
			case 3 -> boxLines(random);
			default -> letter(TRAINING_LETTERS.charAt(random.nextInt(TRAINING_LETTERS.length())), random, normalizer);
		};
	}

	static String description(Parts parts) {
		return DESCRIPTION + (parts.touchingPairs() ? TOUCHING_PAIRS : "") + (parts.halves() ? DIGIT_HALVES : "");
	}

	/**
	 * Two digits side by side whose ink touches or overlaps by up to a few
	 * pixels, normalized as one glyph. The second digit is placed by its ink,
	 * not by its square: a narrow 1 leaning into its neighbour is the merge a
	 * segmenter most often misses, and it must not read as the neighbour alone.
	 */
	static DigitImage touchingPair(Random random, byte[] digits, int count, DigitNormalizer normalizer) {
		int side = DigitImage.SIDE;
		int first = random.nextInt(count) * DigitImage.PIXELS;
		int second = random.nextInt(count) * DigitImage.PIXELS;
		int overlap = 1 + random.nextInt(6);
		int left = Math.max(0, inkColumns(digits, first)[1] + 1 - overlap - inkColumns(digits, second)[0]);
		int width = left + side;
		byte[] ink = new byte[width * side];
		for (int part = 0; part < 2; part++) {
			int offset = part == 0 ? first : second;
			int from = part == 0 ? 0 : left;
			for (int y = 0; y < side; y++) {
				for (int x = 0; x < side; x++) {
					int i = y * width + from + x;
					ink[i] = (byte) Math.max(ink[i] & 0xFF, digits[offset + y * side + x] & 0xFF);
				}
			}
		}
		return normalizer.normalize(width, side, ink);
	}

	/** The first and last inked column of the training digit at offset. */
	private static int[] inkColumns(byte[] digits, int offset) {
		int side = DigitImage.SIDE;
		int left = side;
		int right = -1;
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				if ((digits[offset + y * side + x] & 0xFF) > 0) {
					left = Math.min(left, x);
					right = Math.max(right, x);
				}
			}
		}
		return right < 0 ? new int[] { 0, side - 1 } : new int[] { left, right };
	}

	/** The left or right part of a digit cut near its middle, normalized as a glyph of its own. */
	static DigitImage half(Random random, byte[] digits, byte[] labels, DigitNormalizer normalizer) {
		int index;
		do {
			index = random.nextInt(labels.length);
		} while (UNCUT.indexOf('0' + labels[index]) >= 0);
		int side = DigitImage.SIDE;
		int offset = index * DigitImage.PIXELS;
		int[] columns = inkColumns(digits, offset);
		int left = columns[0];
		int right = columns[1];
		int cut = left + (int) Math.round((right - left) * (0.35 + 0.3 * random.nextDouble()));
		boolean keepLeft = random.nextBoolean();
		byte[] ink = new byte[DigitImage.PIXELS];
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				if (keepLeft == x <= cut) {
					ink[y * side + x] = digits[offset + y * side + x];
				}
			}
		}
		return normalizer.normalize(side, side, ink);
	}

	/** Paper with faint noise: not normalized (a segmenter reports it as empty or as this). */
	static DigitImage blank(Random random) {
		byte[] pixels = new byte[DigitImage.PIXELS];
		int level = random.nextInt(40);
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (byte) Math.max(0, (int) (random.nextGaussian() * level / 3));
		}
		return new DigitImage(pixels);
	}

	/** Scattered dots, as a dirty scanner glass leaves them. */
	static DigitImage speckle(Random random) {
		byte[] pixels = new byte[DigitImage.PIXELS];
		int dots = 8 + random.nextInt(40);
		for (int i = 0; i < dots; i++) {
			pixels[random.nextInt(pixels.length)] = (byte) (128 + random.nextInt(128));
		}
		return new DigitImage(pixels);
	}

	/** A blot: one or two filled ellipses, soft-edged. */
	static DigitImage smudge(Random random, DigitNormalizer normalizer) {
		BufferedImage image = canvas(56);
		Graphics2D g = graphics(image);
		int blots = 1 + random.nextInt(2);
		for (int i = 0; i < blots; i++) {
			double w = 12 + random.nextDouble() * 30, h = 12 + random.nextDouble() * 30;
			g.setColor(new Color(255, 255, 255, 120 + random.nextInt(135)));
			g.fill(new Ellipse2D.Double(8 + random.nextDouble() * (40 - w / 2), 8 + random.nextDouble() * (40 - h / 2),
					w, h));
		}
		g.dispose();
		return normalized(image, normalizer);
	}

	/** Pieces of a cell's border left after segmentation: an edge or a corner. */
	static DigitImage boxLines(Random random) {
		byte[] pixels = new byte[DigitImage.PIXELS];
		int side = DigitImage.SIDE;
		int thickness = 1 + random.nextInt(3);
		boolean horizontal = random.nextBoolean();
		boolean corner = random.nextBoolean();
		int at = random.nextBoolean() ? random.nextInt(3) : side - 1 - random.nextInt(3);
		for (int t = 0; t < thickness; t++) {
			int line = Math.min(side - 1, Math.max(0, at + (at < side / 2 ? t : -t)));
			for (int i = 0; i < side; i++) {
				pixels[horizontal ? line * side + i : i * side + line] = (byte) (180 + random.nextInt(76));
			}
		}
		if (corner) {
			int line = random.nextBoolean() ? random.nextInt(3) : side - 1 - random.nextInt(3);
			for (int i = 0; i < side; i++) {
				pixels[horizontal ? i * side + line : line * side + i] = (byte) (180 + random.nextInt(76));
			}
		}
		return new DigitImage(pixels);
	}

	/** A printed or written-looking letter, slanted a little, with a random pen. */
	static DigitImage letter(char letter, Random random, DigitNormalizer normalizer) {
		BufferedImage image = canvas(64);
		Graphics2D g = graphics(image);
		int style = random.nextInt(4);
		g.setFont(new Font(FONTS[random.nextInt(FONTS.length)], style == 3 ? Font.BOLD | Font.ITALIC : style, 44));
		g.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 10), 32, 32);
		g.setColor(Color.WHITE);
		g.drawString(String.valueOf(letter), 14, 48);
		g.dispose();
		return normalized(image, normalizer);
	}

	private static BufferedImage canvas(int side) {
		return new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
	}

	private static Graphics2D graphics(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		return g;
	}

	private static DigitImage normalized(BufferedImage image, DigitNormalizer normalizer) {
		byte[] ink = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		return normalizer.normalize(image.getWidth(), image.getHeight(), ink);
	}
}
