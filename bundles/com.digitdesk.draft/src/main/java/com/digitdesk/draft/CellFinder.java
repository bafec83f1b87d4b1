package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.digitdesk.api.image.GrayImage;

/**
 * Finds the printed cells of a page: the areas enclosed by its rules. Rules
 * are drawn into a mask slightly longer than printed (so that a corner with a
 * hair of a gap still closes), rules whose ends line up are joined where the
 * form leaves a box's side open (the Form 1040's amount column has no right
 * edge), and the rest of the page is split into connected areas; those that
 * reach the page's edge are the margin, not cells. Shaded areas (runs of
 * gray paper) are walls too: forms shade cells not to be written in, and the
 * shade may cover the rule between such a cell and the next.
 */
final class CellFinder {

	/** Paper darker than this and lighter than ink is shade. */
	static final int SHADE_LEVEL = 235;
	/** Paper darker than this is printed: a hairline shows as light gray only on a 200 dpi raster. */
	static final int HAIRLINE_LEVEL = 250;

	private final int width;
	private final int height;
	private final boolean[] lines;
	private final int[] labels;
	private final List<Region> regions = new ArrayList<>();

	private CellFinder(int width, int height) {
		this.width = width;
		this.height = height;
		this.lines = new boolean[width * height];
		this.labels = new int[width * height];
	}

	/**
	 * @param extension pixels a rule is drawn longer at each end
	 * @param endTolerance how far apart two rule ends may be and still line up
	 * @param maxJoin the longest open side joined, pixels
	 * @param maxWall the widest open top or bottom closed, pixels
	 * @param minShade the shortest run of gray paper that is shade, pixels
	 */
	static CellFinder find(GrayImage image, List<Rule> rules, int extension, int endTolerance, int maxJoin,
			int maxWall, int minShade) {
		CellFinder cells = new CellFinder(image.width(), image.height());
		cells.shade(image, minShade);
		for (Rule rule : rules) {
			cells.draw(rule, extension);
		}
		cells.joinEnds(rules, endTolerance, maxJoin, extension);
		cells.closeOpenEnds(image, rules, maxWall);
		cells.label();
		return cells;
	}

	/** The enclosed areas, not touching the page's edge. */
	List<Region> regions() {
		return regions;
	}

	boolean isRule(int x, int y) {
		return lines[y * width + x];
	}

	/** The region a pixel belongs to, 0 for a rule pixel. */
	int regionAt(int x, int y) {
		return labels[y * width + x];
	}

	/**
	 * Marks shade as walls: gray (not white, not ink) paper in runs at least
	 * {@code minRun} pixels long across and half that down, so that the gray
	 * fringe of type is not taken for shade.
	 */
	private void shade(GrayImage image, int minRun) {
		boolean[] across = new boolean[width * height];
		for (int y = 0; y < height; y++) {
			int start = 0;
			for (int x = 0; x <= width; x++) {
				int gray = x < width ? image.gray(x, y) : GrayImage.WHITE;
				if (gray >= GrayImage.INK_LEVEL && gray < SHADE_LEVEL) {
					continue;
				}
				for (int s = start; x - start >= minRun && s < x; s++) {
					across[y * width + s] = true;
				}
				start = x + 1;
			}
		}
		for (int x = 0; x < width; x++) {
			int start = 0;
			for (int y = 0; y <= height; y++) {
				if (y < height && across[y * width + x]) {
					continue;
				}
				for (int s = start; y - start >= minRun / 2 && s < y; s++) {
					lines[s * width + x] = true;
				}
				start = y + 1;
			}
		}
	}

	private void draw(Rule rule, int extension) {
		for (int a = rule.from() - extension; a <= rule.to() + extension; a++) {
			for (int c = rule.top(); c <= rule.bottom(); c++) {
				if (rule.horizontal()) {
					set(a, c);
				} else {
					set(c, a);
				}
			}
		}
	}

	private void set(int x, int y) {
		if (x >= 0 && y >= 0 && x < width && y < height) {
			lines[y * width + x] = true;
		}
	}

	/**
	 * Closes the open top and bottom of a box: from each end of a vertical
	 * rule, a wall across to the next rule on either side, when that is near,
	 * a hairline too faint or broken to be found as a rule runs there, and
	 * nothing printed crosses it (the tops of the Form 1040's line 2a and 1i
	 * boxes).
	 */
	private void closeOpenEnds(GrayImage image, List<Rule> rules, int maxJoin) {
		for (Rule rule : rules) {
			if (rule.horizontal()) {
				continue;
			}
			for (int y : new int[] { rule.from(), rule.to() }) {
				wallTo(image, rule.bottom() + 1, y, 1, maxJoin);
				wallTo(image, rule.top() - 1, y, -1, maxJoin);
			}
		}
	}

	private void wallTo(GrayImage image, int startX, int y, int step, int maxJoin) {
		if (y < 0 || y >= height) {
			return;
		}
		int printed = 0;
		for (int x = startX, n = 0; x >= 0 && x < width && n <= maxJoin; x += step, n++) {
			if (lines[y * width + x]) {
				if (printed >= 0.8 * n) {
					for (int fill = startX; fill != x; fill += step) {
						lines[y * width + fill] = true;
					}
				}
				return;
			}
			if (image.gray(x, y) < HAIRLINE_LEVEL) {
				printed++;
			}
			if (crossing(image, x, y)) {
				return;
			}
		}
	}

	/** Print crossing a row: ink above and below it (a hairline or a letter's bar along the row is not). */
	private static boolean crossing(GrayImage image, int x, int y) {
		return image.isInk(x, y) && image.isInk(x, y - 2) && image.isInk(x, y + 2);
	}

	/** Closes the open side between two horizontal rules that end at the same x, one above the other. */
	private void joinEnds(List<Rule> rules, int tolerance, int maxJoin, int extension) {
		List<Rule> horizontal = rules.stream().filter(Rule::horizontal)
				.sorted(Comparator.comparingDouble(Rule::position)).toList();
		for (int end = 0; end < 2; end++) {
			for (int i = 0; i < horizontal.size(); i++) {
				Rule upper = horizontal.get(i);
				int x = end == 0 ? upper.from() : upper.to();
				for (int j = i + 1; j < horizontal.size(); j++) {
					Rule lower = horizontal.get(j);
					if (lower.top() - upper.bottom() > maxJoin) {
						break;
					}
					int lowerX = end == 0 ? lower.from() : lower.to();
					if (Math.abs(lowerX - x) <= tolerance) {
						int column = (x + lowerX) / 2;
						draw(new Rule(false, upper.top(), lower.bottom(), column, column + 1), extension);
						break;
					}
				}
			}
		}
	}

	private void label() {
		for (Region region : ConnectedRegions.label(width, height, p -> !lines[p], labels)) {
			// regions touching the page's edge are margin
			if (region.left() > 0 && region.top() > 0 && region.right() < width - 1 && region.bottom() < height - 1) {
				regions.add(region);
			}
		}
	}
}
