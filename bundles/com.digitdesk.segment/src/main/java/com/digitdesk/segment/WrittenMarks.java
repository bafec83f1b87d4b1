package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import com.digitdesk.segment.InkComponents.Component;

/**
 * The ink of a field as components, strokes joined across the small breaks
 * a thresholded scan puts into thin pen lines, but a written point or dash
 * kept apart from the digit it was written close to.
 * <p>
 * Joining is done on the mask grown by one pixel, which closes gaps of up to
 * two pixels: at 200 dpi that is also the gap between a point and the next
 * digit, and the point then disappears into the digit ("41756.28" read as
 * 4175628), or a dash into a digit of an SSN. A piece of ink is kept apart
 * when it stands beside the rest of its component (its centre outside the
 * rest's columns), at least two pixels away from it, and is a point (small,
 * low) or a dash (flat, in the middle): a break in a stroke is one pixel
 * wide and lies within the stroke's own columns.
 */
final class WrittenMarks {

	/** A point sits in the lower part of the digit beside it: its centre below this share of the digit's height. */
	static final double LOW = 0.65;
	/** A dash's centre lies between these shares of the digit's height... */
	static final double DASH_TOP = 0.2;
	static final double DASH_BOTTOM = 0.8;
	/** ...and it is at least this many times as wide as high, and narrower than this share of the digit height. */
	static final double DASH_FLATNESS = 1.2;
	static final double DASH_WIDTH = 0.7;
	/** A point or dash is at most this share of the digit's height high. */
	static final double MARK_HEIGHT = 0.35;
	/** Empty pixels at least between a mark and the digit it was written close to. */
	static final int GAP = 2;

	private WrittenMarks() {
	}

	/**
	 * @param mask row-major, non-zero = ink
	 * @param labels receives each pixel's component label
	 * @param minDot ink (pixels) of the smallest written point
	 * @param minStroke ink of the smallest stroke: points are smaller
	 * @return the components; each one's {@code ink} counts the mask's pixels in it
	 */
	static List<Component> components(byte[] mask, int width, int height, int[] labels, double minDot,
			double minStroke) {
		int[] fine = new int[mask.length];
		List<Component> pieces = InkComponents.find(mask, width, height, fine);
		List<Component> joined = InkComponents.find(grown(mask, width, height), width, height, labels);
		List<Component> marks = marksBeside(pieces, fine, labels, width, minDot, minStroke);
		if (!marks.isEmpty()) {
			byte[] rest = mask.clone();
			for (Component mark : marks) {
				forEachPixel(mark, fine, width, i -> rest[i] = 0);
			}
			Arrays.fill(labels, 0);
			joined = new ArrayList<>(InkComponents.find(grown(rest, width, height), width, height, labels));
			for (Component mark : marks) {
				Component apart = new Component(joined.size() + 1);
				forEachPixel(mark, fine, width, i -> {
					labels[i] = apart.label;
					apart.add(i % width, i / width);
				});
				joined.add(apart);
			}
		}
		int[] inked = new int[joined.size() + 1];
		for (int i = 0; i < mask.length; i++) {
			if (mask[i] != 0) {
				inked[labels[i]]++;
			}
		}
		for (Component c : joined) {
			c.ink = inked[c.label];
		}
		return joined;
	}

	/** Points and dashes that the grown mask joined to a stroke they stand beside and apart from. */
	private static List<Component> marksBeside(List<Component> pieces, int[] fine, int[] joined, int width,
			double minDot, double minStroke) {
		Map<Integer, List<Component>> byJoined = new HashMap<>();
		for (Component piece : pieces) {
			int first = firstPixel(piece, fine, width);
			byJoined.computeIfAbsent(joined[first], k -> new ArrayList<>()).add(piece);
		}
		List<Component> marks = new ArrayList<>();
		for (List<Component> group : byJoined.values()) {
			if (group.size() < 2) {
				continue;
			}
			for (Component candidate : group) {
				if (candidate.count < minDot) {
					continue;
				}
				int minX = Integer.MAX_VALUE, maxX = -1, minY = Integer.MAX_VALUE, maxY = -1, ink = 0;
				for (Component other : group) {
					if (other != candidate) {
						minX = Math.min(minX, other.minX);
						maxX = Math.max(maxX, other.maxX);
						minY = Math.min(minY, other.minY);
						maxY = Math.max(maxY, other.maxY);
						ink += other.count;
					}
				}
				int restHeight = maxY - minY + 1;
				double cx = candidate.centerX();
				double level = (candidate.centerY() - minY) / restHeight;
				boolean beside = cx < minX || cx > maxX + 1;
				boolean small = candidate.height() <= MARK_HEIGHT * restHeight;
				boolean point = level > LOW && candidate.count < minStroke;
				boolean dash = level > DASH_TOP && level < DASH_BOTTOM
						&& candidate.width() >= DASH_FLATNESS * candidate.height()
						&& candidate.width() < DASH_WIDTH * restHeight;
				if (ink >= minStroke && beside && small && (point || dash)
						&& apart(candidate, fine, width, joined.length / width)) {
					marks.add(candidate);
				}
			}
		}
		return marks;
	}

	/**
	 * Whether no other ink lies within {@link #GAP} pixels of the
	 * candidate's (ink that near is joined to it, so it is the rest of its
	 * group).
	 */
	private static boolean apart(Component candidate, int[] fine, int width, int height) {
		for (int y = candidate.minY; y <= candidate.maxY; y++) {
			for (int x = candidate.minX; x <= candidate.maxX; x++) {
				if (fine[y * width + x] != candidate.label) {
					continue;
				}
				for (int ny = Math.max(0, y - GAP); ny <= Math.min(height - 1, y + GAP); ny++) {
					for (int nx = Math.max(0, x - GAP); nx <= Math.min(width - 1, x + GAP); nx++) {
						int label = fine[ny * width + nx];
						if (label != 0 && label != candidate.label) {
							return false;
						}
					}
				}
			}
		}
		return true;
	}

	private static int firstPixel(Component piece, int[] fine, int width) {
		for (int y = piece.minY; y <= piece.maxY; y++) {
			for (int x = piece.minX; x <= piece.maxX; x++) {
				if (fine[y * width + x] == piece.label) {
					return y * width + x;
				}
			}
		}
		throw new IllegalStateException("a component without pixels");
	}

	private static void forEachPixel(Component piece, int[] fine, int width, IntConsumer action) {
		for (int y = piece.minY; y <= piece.maxY; y++) {
			for (int x = piece.minX; x <= piece.maxX; x++) {
				if (fine[y * width + x] == piece.label) {
					action.accept(y * width + x);
				}
			}
		}
	}

	/** The mask grown by one pixel in all eight directions. */
	static byte[] grown(byte[] mask, int width, int height) {
		byte[] grown = new byte[mask.length];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if (mask[y * width + x] == 0) {
					continue;
				}
				for (int dy = Math.max(0, y - 1); dy <= Math.min(height - 1, y + 1); dy++) {
					for (int dx = Math.max(0, x - 1); dx <= Math.min(width - 1, x + 1); dx++) {
						grown[dy * width + dx] = 1;
					}
				}
			}
		}
		return grown;
	}
}
