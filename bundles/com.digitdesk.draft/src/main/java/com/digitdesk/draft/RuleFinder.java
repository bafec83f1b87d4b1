package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.digitdesk.api.image.GrayImage;

/**
 * Finds the printed rules of a page: straight runs of ink at least a given
 * length, thin across (box edges, column rules, comb lines). Thick strokes
 * (filled marks, large bold type) are no rules. Gaps of one or two pixels in ink are bridged
 * so that a scanned rule with a lighter pixel stays one rule.
 */
final class RuleFinder {

	/**
	 * Hairline rules show on a 200 dpi raster as light gray only (the top of
	 * the Form 1040's line 1i box): rules are looked for in ink, then thin
	 * ones in anything darker than this, which shaded areas spoil less. A
	 * hairline is light and unbroken along its length: a run along a line of
	 * type, ink with gray between the letters, is none.
	 */
	static final int HAIRLINE_LEVEL = 250;

	private RuleFinder() {
	}

	/** The rules in ink, and the hairlines (at most {@code maxHairline} thick) that are not one of them. */
	static List<Rule> find(GrayImage image, boolean horizontal, int minLength, int maxThickness, int maxHairline) {
		List<Rule> rules = atLevel(image, horizontal, minLength, maxThickness, GrayImage.INK_LEVEL, 1, 2);
		List<Rule> all = new ArrayList<>(rules);
		for (Rule hairline : atLevel(image, horizontal, minLength, maxHairline, HAIRLINE_LEVEL, 0.02, 0)) {
			// a hairline that continues an ink rule is new where the ink rule ends
			if (rules.stream().noneMatch(rule -> Math.abs(rule.position() - hairline.position()) <= maxHairline
					&& Math.min(rule.to(), hairline.to()) - Math.max(rule.from(), hairline.from()) >= 0.8
							* hairline.length())) {
				all.add(hairline);
			}
		}
		return all;
	}

	private static List<Rule> atLevel(GrayImage image, boolean horizontal, int minLength, int maxThickness,
			int level, double maxInkShare, int maxGap) {
		int lines = horizontal ? image.height() : image.width();
		int along = horizontal ? image.width() : image.height();
		List<Rule> found = new ArrayList<>();
		List<int[]> open = new ArrayList<>();
		for (int line = 0; line <= lines; line++) {
			List<int[]> next = new ArrayList<>();
			if (line < lines) {
				for (int[] run : runs(image, horizontal, line, along, minLength, level, maxInkShare, maxGap)) {
					int[] joined = null;
					for (Iterator<int[]> it = open.iterator(); it.hasNext();) {
						int[] rule = it.next();
						int common = Math.min(rule[1], run[1]) - Math.max(rule[0], run[0]) + 1;
						if (common >= 0.5 * Math.max(rule[1] - rule[0], run[1] - run[0])) {
							it.remove();
							joined = rule;
							break;
						}
					}
					if (joined == null) {
						next.add(new int[] { run[0], run[1], line, line });
					} else {
						joined[0] = Math.min(joined[0], run[0]);
						joined[1] = Math.max(joined[1], run[1]);
						joined[3] = line;
						next.add(joined);
					}
				}
			}
			for (int[] rule : open) {
				if (rule[3] - rule[2] + 1 <= maxThickness) {
					found.add(new Rule(horizontal, rule[0], rule[1], rule[2], rule[3]));
				}
			}
			open = next;
		}
		return found;
	}

	/** Runs of ink along one row (or column) at least {@code minLength} long, as {from, to}. */
	private static List<int[]> runs(GrayImage image, boolean horizontal, int line, int along, int minLength,
			int level, double maxInkShare, int maxGap) {
		List<int[]> runs = new ArrayList<>();
		int start = -1;
		int lastInk = -2;
		int inkCount = 0;
		for (int a = 0; a <= along; a++) {
			int gray = a == along ? GrayImage.WHITE : horizontal ? image.gray(a, line) : image.gray(line, a);
			if (gray >= level && a < along) {
				continue;
			}
			if (a - lastInk > maxGap + 1 || a == along) {
				if (start >= 0 && lastInk - start + 1 >= minLength && inkCount <= maxInkShare * (lastInk - start + 1)) {
					runs.add(new int[] { start, lastInk });
				}
				start = a;
				inkCount = 0;
			}
			lastInk = a;
			if (gray < GrayImage.INK_LEVEL) {
				inkCount++;
			}
		}
		return runs;
	}
}
