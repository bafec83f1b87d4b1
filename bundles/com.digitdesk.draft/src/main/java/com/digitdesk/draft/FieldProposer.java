package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.TemplateBox;

/**
 * Decides which printed cells are boxes for digits and how they are written:
 * a row of three or more equal narrow cells is one {@code digits} field; a
 * blank cell, or one whose label is printed at its top above an empty writing
 * area, is a {@code number} box (the writing area below the label); a cell
 * with a printed {@code $} at its left, or a cents divider rising from its
 * bottom in its right half, is an {@code amount}; comb lines rising from the
 * bottom make it a {@code digits} field. Cells full of print (labels, line
 * numbers, instructions) and shaded cells are no boxes.
 */
final class FieldProposer {

	/** Share of the cell's height the label printed inside it may take. */
	private static final double LABEL_SHARE = 0.6;
	/** Paper darker than this (mean gray of a cell's non-ink pixels) is a shaded cell, not to be written in. */
	private static final int SHADED = 225;
	/** Smallest writing area, points. */
	private static final double MIN_WIDTH = 14;
	private static final double MIN_HEIGHT = 8;
	/** Largest writing area height, points: taller areas are for names and addresses. */
	private static final double MAX_HEIGHT = 48;
	/** Space left between a label printed inside the cell and the writing area, points. */
	private static final double LABEL_GAP = 2;
	/**
	 * Where the writing area starts below the baseline of a label printed
	 * inside the cell, points: clear of its descenders, as the fillable
	 * originals place their fields.
	 */
	private static final double BELOW_BASELINE = 3;

	private final GrayImage image;
	private final double scale;
	private final CellFinder cells;
	private final List<Rule> verticals;

	FieldProposer(GrayImage image, double pixelsPerPoint, CellFinder cells, List<Rule> rules) {
		this.image = image;
		this.scale = pixelsPerPoint;
		this.cells = cells;
		this.verticals = rules.stream().filter(rule -> !rule.horizontal()).toList();
	}

	static List<DraftField> propose(GrayImage image, double pixelsPerPoint, CellFinder cells, List<Rule> rules) {
		return new FieldProposer(image, pixelsPerPoint, cells, rules).propose();
	}

	private List<DraftField> propose() {
		List<Region> candidates = cells.regions().stream()
				.filter(r -> r.fill() >= 0.75 && r.width() >= 4 * scale && r.height() >= 6 * scale)
				.sorted(Comparator.comparingInt(Region::top).thenComparingInt(Region::left)).toList();
		List<DraftField> fields = new ArrayList<>();
		Set<Region> grouped = new HashSet<>();
		for (List<Region> row : cellRows(candidates)) {
			grouped.addAll(row);
			Region first = row.get(0);
			Region last = row.get(row.size() - 1);
			fields.add(new DraftField(points(first.left(), first.top(), last.right(), last.bottom()), FieldKind.DIGITS,
					row.size(), OptionalDouble.empty(), Optional.empty()));
		}
		for (Region region : candidates) {
			if (!grouped.contains(region)) {
				box(region).ifPresent(fields::add);
			}
		}
		return bottomRows(fields);
	}

	/**
	 * A blank cell about twice as tall as the cells stacked with it in its
	 * column (the Form 1040's line 1z and line 7 under a line without an
	 * amount) is written on its bottom row: its box is the bottom part, as
	 * tall as the others.
	 */
	private static List<DraftField> bottomRows(List<DraftField> fields) {
		List<DraftField> result = new ArrayList<>();
		for (DraftField field : fields) {
			TemplateBox box = field.box();
			double[] heights = fields.stream().filter(f -> f.labelInside().isEmpty())
					.filter(f -> Math.abs(f.box().x() - box.x()) <= 2 && Math.abs(f.box().right() - box.right()) <= 2)
					.mapToDouble(f -> f.box().height()).sorted().toArray();
			double usual = heights.length >= 3 ? heights[heights.length / 2] : box.height();
			if (field.labelInside().isEmpty() && field.cells() == 0 && box.height() >= 1.7 * usual) {
				result.add(new DraftField(new TemplateBox(box.x(), round(box.bottom() - usual), box.width(), usual),
						field.kind(), 0, field.centsDivider(), Optional.empty()));
			} else {
				result.add(field);
			}
		}
		return result;
	}

	/** Rows of three or more equal narrow cells side by side, blank or written in: boxed digits. */
	private List<List<Region>> cellRows(List<Region> candidates) {
		List<Region> narrow = candidates.stream()
				.filter(r -> r.width() <= 1.4 * r.height() && r.width() >= 5 * scale).toList();
		List<List<Region>> rows = new ArrayList<>();
		Set<Region> used = new HashSet<>();
		int near = (int) Math.ceil(1.5 * scale);
		int gap = (int) Math.ceil(3 * scale);
		for (Region start : narrow) {
			if (used.contains(start)) {
				continue;
			}
			List<Region> row = new ArrayList<>(List.of(start));
			Region last = start;
			boolean extended = true;
			while (extended) {
				extended = false;
				for (Region next : narrow) {
					if (!used.contains(next) && !row.contains(next) && Math.abs(next.top() - last.top()) <= near
							&& Math.abs(next.bottom() - last.bottom()) <= near && next.left() > last.right()
							&& next.left() - last.right() <= gap
							&& Math.max(next.width(), start.width()) <= 1.25 * Math.min(next.width(), start.width())) {
						row.add(next);
						last = next;
						extended = true;
						break;
					}
				}
			}
			if (row.size() >= 3) {
				used.addAll(row);
				rows.add(row);
			}
		}
		return rows;
	}

	Optional<DraftField> box(Region region) {
		Ink ink = ink(region);
		if (ink.paper < SHADED) {
			return Optional.empty();
		}
		int top = region.top();
		boolean dollar = false;
		Optional<TemplateBox> label = Optional.empty();
		if (ink.count > 0) {
			int labelBottom = ink.firstBandBottom;
			int baseline = ink.firstBandBaseline;
			if (region.width() >= 2.5 * region.height() && ink.right <= region.left() + 0.8 * region.height()
					&& ink.top > region.top() && ink.bottom < region.bottom()) {
				dollar = true; // a printed $ at the box's left: the amount is written right of it
			} else if (labelBottom <= region.top() + LABEL_SHARE * region.height()
					&& region.bottom() - labelBottom >= (MIN_HEIGHT + LABEL_GAP) * scale
					&& ink.countBelow(labelBottom) <= 0.03 * region.width() * (region.bottom() - labelBottom)) {
				top = Math.max(labelBottom + 1, baseline + (int) Math.round(BELOW_BASELINE * scale));
				label = Optional.of(points(region.left(), region.top(), region.right(), labelBottom));
			} else {
				return Optional.empty(); // a cell of print: a label, a line number, instructions
			}
		}
		TemplateBox box = points(region.left(), top, region.right(), region.bottom());
		if (box.width() < MIN_WIDTH || box.height() < MIN_HEIGHT || box.height() > MAX_HEIGHT) {
			return Optional.empty();
		}
		List<Rule> inside = risers(region.left(), top, region.right(), region.bottom());
		if (inside.size() == 1 && inside.get(0).position() > (region.left() + region.right()) / 2.0) {
			return Optional.of(new DraftField(box, FieldKind.AMOUNT, 0,
					OptionalDouble.of(round(inside.get(0).position() / scale)), label));
		}
		if (inside.size() >= 2 && evenlySpaced(inside, region)) {
			return Optional.of(new DraftField(box, FieldKind.DIGITS, inside.size() + 1, OptionalDouble.empty(), label));
		}
		return Optional.of(new DraftField(box, dollar ? FieldKind.AMOUNT : FieldKind.NUMBER, 0, OptionalDouble.empty(),
				label));
	}

	/** Vertical rules inside the writing area that rise from its bottom at least 40% of its height. */
	private List<Rule> risers(int left, int top, int right, int bottom) {
		int margin = (int) Math.round(2 * scale);
		return verticals.stream()
				.filter(rule -> rule.top() > left + margin && rule.bottom() < right - margin
						&& rule.to() >= bottom - margin && rule.to() <= bottom + 2 * margin && rule.from() >= top - margin
						&& rule.to() - Math.max(rule.from(), top) >= 0.4 * (bottom - top))
				.sorted(Comparator.comparingDouble(Rule::position)).toList();
	}

	/** Comb lines: n rules splitting the box into n + 1 equal cells. */
	private static boolean evenlySpaced(List<Rule> rules, Region region) {
		double cell = region.width() / (double) (rules.size() + 1);
		for (int i = 0; i < rules.size(); i++) {
			double expected = region.left() + cell * (i + 1);
			if (Math.abs(rules.get(i).position() - expected) > 0.15 * cell) {
				return false;
			}
		}
		return true;
	}

	/** The print inside a cell (not its rules): where it is, and how light the paper is. */
	private Ink ink(Region region) {
		Ink ink = new Ink(region.height());
		// the rules' own gray fringe along the cell's edges is no print inside it
		int margin = (int) Math.round(scale);
		long paperSum = 0;
		int paperCount = 0;
		for (int y = region.top(); y <= region.bottom(); y++) {
			for (int x = region.left(); x <= region.right(); x++) {
				if (cells.regionAt(x, y) != region.id()) {
					continue;
				}
				int gray = image.gray(x, y);
				boolean edge = x - region.left() < margin || region.right() - x < margin || y - region.top() < margin
						|| region.bottom() - y < margin;
				if (gray < GrayImage.INK_LEVEL && !edge) {
					ink.add(x, y, y - region.top());
				} else {
					paperSum += gray;
					paperCount++;
				}
			}
		}
		ink.paper = paperCount == 0 ? 0 : (int) (paperSum / paperCount);
		ink.findFirstBand(region.top(), (int) Math.ceil(2 * scale));
		return ink;
	}

	private TemplateBox points(int left, int top, int right, int bottom) {
		return new TemplateBox(round(left / scale), round(top / scale), round((right + 1 - left) / scale),
				round((bottom + 1 - top) / scale));
	}

	static double round(double points) {
		return Math.round(points * 10) / 10.0;
	}

	/** Ink pixels of one cell. */
	private static final class Ink {

		final int[] rows;
		int count;
		int left = Integer.MAX_VALUE;
		int right = -1;
		int top = Integer.MAX_VALUE;
		int bottom = -1;
		int paper;
		int firstBandBottom = -1;
		/** The last row of the first band holding at least a quarter of its fullest row's ink: below are descenders. */
		int firstBandBaseline = -1;
		private int rowOffset;

		Ink(int height) {
			rows = new int[height];
		}

		void add(int x, int y, int row) {
			count++;
			rows[row]++;
			left = Math.min(left, x);
			right = Math.max(right, x);
			top = Math.min(top, y);
			bottom = Math.max(bottom, y);
		}

		/** The last row of the first band of ink from the top, ended by {@code blank} rows without ink. */
		void findFirstBand(int regionTop, int blank) {
			rowOffset = regionTop;
			int start = -1;
			int empty = 0;
			for (int row = 0; row < rows.length; row++) {
				if (rows[row] > 0) {
					if (start < 0) {
						start = row;
					}
					firstBandBottom = regionTop + row;
					empty = 0;
				} else if (start >= 0 && ++empty >= blank) {
					break;
				}
			}
			if (start < 0) {
				return;
			}
			int fullest = 0;
			for (int row = start; row <= firstBandBottom - regionTop; row++) {
				fullest = Math.max(fullest, rows[row]);
			}
			for (int row = start; row <= firstBandBottom - regionTop; row++) {
				if (rows[row] >= fullest / 4.0) {
					firstBandBaseline = regionTop + row;
				}
			}
		}

		int countBelow(int y) {
			int sum = 0;
			for (int row = y + 1 - rowOffset; row < rows.length; row++) {
				sum += rows[row];
			}
			return sum;
		}
	}
}
