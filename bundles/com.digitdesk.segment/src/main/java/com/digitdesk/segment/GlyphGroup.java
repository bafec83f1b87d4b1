package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.segment.InkComponents.Component;

/**
 * The ink of one digit: one or more connected components (a broken stroke
 * is several), optionally limited to a column range (one half of two
 * touching digits).
 */
final class GlyphGroup {

	/** A part under this share of a digit's ink, apart from the rest, is a speck the cutter took in. */
	static final double STRAY_SHARE = 0.1;
	/** How far (points) a small part must be from the rest of the digit to count as apart. */
	static final double STRAY_GAP = 1.0;
	/** Stateless: one for every glyph cut. */
	private static final DigitNormalizer NORMALIZER = new GlyphNormalizer();

	final List<Component> parts = new ArrayList<>();
	int minX = Integer.MAX_VALUE;
	int maxX = -1;
	int minY = Integer.MAX_VALUE;
	int maxY = -1;
	int count;
	/** True for one side of touching digits cut apart: its column range is exact. */
	boolean cut;
	/**
	 * For one side of digits cut apart along a path: per row from
	 * {@link #pathTop} on, the first and last column it holds; null for a
	 * straight cut or none.
	 */
	private int[] rowFrom;
	private int[] rowTo;
	private int pathTop;

	GlyphGroup(Component first) {
		add(first);
	}

	private GlyphGroup() {
	}

	void add(Component component) {
		parts.add(component);
		minX = Math.min(minX, component.minX);
		maxX = Math.max(maxX, component.maxX);
		minY = Math.min(minY, component.minY);
		maxY = Math.max(maxY, component.maxY);
		count += component.ink;
	}

	void addAll(GlyphGroup other) {
		other.parts.forEach(this::add);
	}

	/** One group of the strokes of both. */
	static GlyphGroup join(GlyphGroup left, GlyphGroup right) {
		GlyphGroup joined = new GlyphGroup();
		joined.addAll(left);
		joined.addAll(right);
		return joined;
	}

	private interface PixelVisitor {
		void visit(int x, int y);
	}

	/** Visits every pixel of this group's strokes between two columns (inclusive). */
	private void forEachPixel(int from, int to, int[] labels, int rasterWidth, PixelVisitor visitor) {
		for (Component c : parts) {
			for (int y = c.minY; y <= c.maxY; y++) {
				int left = Math.max(from, c.minX);
				int right = Math.min(to, c.maxX);
				if (rowFrom != null) {
					int row = y - pathTop;
					if (row < 0 || row >= rowFrom.length) {
						continue;
					}
					left = Math.max(left, rowFrom[row]);
					right = Math.min(right, rowTo[row]);
				}
				for (int x = left; x <= right; x++) {
					if (labels[y * rasterWidth + x] == c.label) {
						visitor.visit(x, y);
					}
				}
			}
		}
	}

	/**
	 * This group without its strays: small parts (dust, a dot of toner) that
	 * lie apart from the rest of the digit. Such a dot next to a 1 or above a
	 * 7 is read as part of the digit and makes it doubtful. A cut half of
	 * touching digits stays as it is.
	 */
	GlyphGroup withoutStrays(double pixelsPerPoint) {
		if (cut || parts.size() < 2) {
			return this;
		}
		double small = STRAY_SHARE * count;
		GlyphGroup body = new GlyphGroup();
		for (Component c : parts) {
			if (c.ink >= small) {
				body.add(c);
			}
		}
		if (body.parts.isEmpty() || body.parts.size() == parts.size()) {
			return this;
		}
		double gap = STRAY_GAP * pixelsPerPoint;
		GlyphGroup kept = new GlyphGroup();
		kept.addAll(body);
		for (Component c : parts) {
			if (c.ink < small && !apart(body, c, gap)) {
				kept.add(c);
			}
		}
		return kept;
	}

	private static boolean apart(GlyphGroup body, Component c, double gap) {
		double dx = Math.max(0, Math.max(body.minX - c.maxX, c.minX - body.maxX));
		double dy = Math.max(0, Math.max(body.minY - c.maxY, c.minY - body.maxY));
		return Math.max(dx, dy) > gap;
	}

	int width() {
		return maxX - minX + 1;
	}

	int height() {
		return maxY - minY + 1;
	}

	/** The part of this group between two columns (inclusive), with its own bounds. */
	GlyphGroup columns(int from, int to, int[] labels, int rasterWidth) {
		GlyphGroup part = cutPart(rowFrom, rowTo, pathTop);
		part.minX = from;
		part.maxX = to;
		forEachPixel(from, to, labels, rasterWidth, (x, y) -> {
			part.minY = Math.min(part.minY, y);
			part.maxY = Math.max(part.maxY, y);
			part.count++;
		});
		return part;
	}

	/**
	 * This group cut in two along a path from its top row to its bottom row:
	 * {@code path[y - minY]} is the last column of the left side in row y.
	 * Each side has its own bounds; a side without ink is null.
	 */
	GlyphGroup[] alongPath(int[] path, int[] labels, int rasterWidth) {
		int rows = path.length;
		int[] leftFrom = new int[rows];
		int[] leftTo = new int[rows];
		int[] rightFrom = new int[rows];
		int[] rightTo = new int[rows];
		for (int row = 0; row < rows; row++) {
			// Within the columns this group holds of the row (all of them, unless it is a cut part itself).
			leftFrom[row] = rowLimit(rowFrom, minY + row, minX);
			rightTo[row] = rowLimit(rowTo, minY + row, maxX);
			leftTo[row] = Math.min(path[row], rightTo[row]);
			rightFrom[row] = Math.max(path[row] + 1, leftFrom[row]);
		}
		return new GlyphGroup[] { side(leftFrom, leftTo, labels, rasterWidth),
				side(rightFrom, rightTo, labels, rasterWidth) };
	}

	private int rowLimit(int[] limits, int y, int otherwise) {
		int row = y - pathTop;
		return limits == null || row < 0 || row >= limits.length ? otherwise : limits[row];
	}

	private GlyphGroup side(int[] from, int[] to, int[] labels, int rasterWidth) {
		GlyphGroup side = cutPart(from, to, minY);
		side.forEachPixel(minX, maxX, labels, rasterWidth, (x, y) -> {
			side.minX = Math.min(side.minX, x);
			side.maxX = Math.max(side.maxX, x);
			side.minY = Math.min(side.minY, y);
			side.maxY = Math.max(side.maxY, y);
			side.count++;
		});
		return side.count == 0 ? null : side;
	}

	/** A part of this group's strokes cut off from the rest, within these row limits (null: none). */
	private GlyphGroup cutPart(int[] from, int[] to, int top) {
		GlyphGroup part = new GlyphGroup();
		part.parts.addAll(parts);
		part.cut = true;
		part.rowFrom = from;
		part.rowTo = to;
		part.pathTop = top;
		return part;
	}

	/** Which pixels of this group's bounding box are its ink, row by row. */
	boolean[] inkGrid(int[] labels, int rasterWidth) {
		boolean[] grid = new boolean[width() * height()];
		forEachPixel(minX, maxX, labels, rasterWidth, (x, y) -> grid[(y - minY) * width() + x - minX] = true);
		return grid;
	}

	/** Per column of this group, the top and bottom row of its ink ({@code -1} where it has none). */
	int[][] columnSpans(int[] labels, int rasterWidth) {
		int[][] spans = new int[width()][];
		for (int i = 0; i < spans.length; i++) {
			spans[i] = new int[] { -1, -1 };
		}
		forEachPixel(minX, maxX, labels, rasterWidth, (x, y) -> {
			int[] span = spans[x - minX];
			span[0] = span[0] < 0 ? y : Math.min(span[0], y);
			span[1] = Math.max(span[1], y);
		});
		return spans;
	}

	/** Ink per column of this group, for finding where touching digits meet. */
	int[] columnProfile(int[] labels, int rasterWidth) {
		int[] profile = new int[width()];
		forEachPixel(minX, maxX, labels, rasterWidth, (x, y) -> profile[x - minX]++);
		return profile;
	}

	/**
	 * The glyph, normalized like MNIST, with its box on the page. The ink is
	 * taken one pixel beyond the strokes' mask, so that their soft edges stay
	 * (MNIST digits have them), but never across a cut between touching digits.
	 */
	Glyph toGlyph(int position, FieldRaster raster, int[] labels) {
		if (count == 0) {
			return new Glyph(position, raster.pageBox(minX, 0, maxX + 1, 1), DigitImage.blank(), true);
		}
		int left = cut ? minX : Math.max(0, minX - 1);
		int right = cut ? maxX : Math.min(raster.width - 1, maxX + 1);
		int top = Math.max(0, minY - 1);
		int bottom = Math.min(raster.height - 1, maxY + 1);
		int w = right - left + 1;
		int h = bottom - top + 1;
		boolean[] member = new boolean[w * h];
		forEachPixel(minX, maxX, labels, raster.width, (x, y) -> member[(y - top) * w + (x - left)] = true);
		byte[] ink = new byte[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (nearMember(member, w, h, x, y)) {
					ink[y * w + x] = raster.ink[(top + y) * raster.width + left + x];
				}
			}
		}
		return new Glyph(position, raster.pageBox(minX, minY, maxX + 1, maxY + 1), NORMALIZER.normalize(w, h, ink),
				false);
	}

	private static boolean nearMember(boolean[] member, int w, int h, int x, int y) {
		for (int dy = Math.max(0, y - 1); dy <= Math.min(h - 1, y + 1); dy++) {
			for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) {
				if (member[dy * w + dx]) {
					return true;
				}
			}
		}
		return false;
	}
}
