package com.digitdesk.segment;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.segment.InkComponents.Component;

/**
 * Finds a dollar sign printed at the left end of an amount's box: the
 * leftmost ink, normalized like a digit, compared with a dollar sign set in
 * the usual type faces. Printed glyphs match their type closely;
 * handwritten digits do not.
 */
final class PrintedDollarSign {

	/** The sign lies within this many box heights of the box's left edge. */
	static final double REACH = 0.9;
	/** Cosine similarity to a typeset dollar sign from which ink is that sign (handwritten digits stay under 0.8)... */
	static final double SIMILAR = 0.78;
	/** ...or from which it is, if it has the sign's bar. */
	static final double SIMILAR_BARRED = 0.55;
	/** The bar of the sign sticks out of its S by this share of its height, above and below. */
	static final double BAR_END = 0.1;
	/** Type faces the sign is compared with: forms are set in sans-serif or serif faces, plain or bold. */
	private static final List<DigitImage> TYPESET = typeset();

	private PrintedDollarSign() {
	}

	/**
	 * The strokes of a dollar sign printed at the left of the box, or an
	 * empty list.
	 */
	static List<Component> find(FieldInk ink) {
		int reach = ink.left + (int) Math.round(REACH * ink.boxHeight());
		GlyphGroup sign = null;
		List<Component> leftmost = new ArrayList<>(ink.strokes);
		leftmost.sort((a, b) -> Integer.compare(a.minX, b.minX));
		for (Component stroke : leftmost) {
			if (stroke.centerX() > reach) {
				break;
			}
			if (sign == null && stroke.ink < ink.minDigitArea()) {
				continue; // a speck before the sign
			}
			if (sign == null) {
				sign = new GlyphGroup(stroke);
			} else if (stroke.minX <= sign.maxX) {
				sign.add(stroke); // a sign whose bar broke off its S
			} else {
				break;
			}
		}
		if (sign == null) {
			return List.of();
		}
		GlyphGroup body = sign.withoutStrays(ink.raster.pixelsPerPoint);
		double similarity = similarity(body.toGlyph(0, ink.raster, ink.labels).image());
		boolean printed = similarity >= SIMILAR
				|| similarity >= SIMILAR_BARRED && barred(body, ink.labels, ink.raster.width);
		return printed ? sign.parts : List.of();
	}

	/** The best cosine similarity of a glyph to a typeset dollar sign. */
	static double similarity(DigitImage glyph) {
		double best = 0;
		for (DigitImage sign : TYPESET) {
			best = Math.max(best, cosine(glyph, sign));
		}
		return best;
	}

	private static double cosine(DigitImage a, DigitImage b) {
		double ab = 0, aa = 0, bb = 0;
		for (int y = 0; y < DigitImage.SIDE; y++) {
			for (int x = 0; x < DigitImage.SIDE; x++) {
				int p = a.ink(x, y);
				int q = b.ink(x, y);
				ab += p * q;
				aa += p * p;
				bb += q * q;
			}
		}
		return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
	}

	/**
	 * Whether the ink has a dollar sign's bar: above and below its S only a
	 * narrow stroke near the middle, while the S itself is wide.
	 */
	static boolean barred(GlyphGroup group, int[] labels, int width) {
		int band = Math.max(1, (int) Math.round(BAR_END * group.height()));
		int[] top = extent(group, labels, width, group.minY, group.minY + band - 1);
		int[] bottom = extent(group, labels, width, group.maxY - band + 1, group.maxY);
		int[] middle = extent(group, labels, width, group.minY + 2 * band, group.maxY - 2 * band);
		return narrowInMiddle(top, group) && narrowInMiddle(bottom, group) && middle != null
				&& middle[1] - middle[0] + 1 >= 0.6 * group.width();
	}

	private static boolean narrowInMiddle(int[] extent, GlyphGroup group) {
		if (extent == null) {
			return false;
		}
		double centre = ((extent[0] + extent[1]) / 2.0 - group.minX) / group.width();
		return extent[1] - extent[0] + 1 <= 0.35 * group.width() && centre >= 0.3 && centre <= 0.7;
	}

	/** {first, last} column with ink of the group in rows {@code from..to}, or null. */
	private static int[] extent(GlyphGroup group, int[] labels, int width, int from, int to) {
		int first = Integer.MAX_VALUE;
		int last = -1;
		for (InkComponents.Component c : group.parts) {
			for (int y = Math.max(from, c.minY); y <= Math.min(to, c.maxY); y++) {
				for (int x = c.minX; x <= c.maxX; x++) {
					if (labels[y * width + x] == c.label) {
						first = Math.min(first, x);
						last = Math.max(last, x);
					}
				}
			}
		}
		return last < 0 ? null : new int[] { first, last };
	}

	private static List<DigitImage> typeset() {
		GlyphNormalizer normalizer = new GlyphNormalizer();
		List<DigitImage> signs = new ArrayList<>();
		for (String face : List.of(Font.SANS_SERIF, Font.SERIF)) {
			for (int style : new int[] { Font.PLAIN, Font.BOLD }) {
				int side = 96;
				BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
				Graphics2D g = image.createGraphics();
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, side, side);
				g.setColor(Color.BLACK);
				g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
				g.setFont(new Font(face, style, 60));
				g.drawString("$", 24, 70);
				g.dispose();
				byte[] ink = new byte[side * side];
				for (int y = 0; y < side; y++) {
					for (int x = 0; x < side; x++) {
						ink[y * side + x] = (byte) (255 - image.getRaster().getSample(x, y, 0));
					}
				}
				signs.add(normalizer.normalize(side, side, ink));
			}
		}
		return List.copyOf(signs);
	}
}
