package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.digitdesk.api.image.GrayImage;

/**
 * Finds the printed rules of a page: straight runs of ink at least a given
 * length, thin across (box edges, column rules, comb lines). Thick strokes
 * (filled marks, large bold type) are no rules. Gaps of one pixel are bridged
 * so that a scanned rule with a lighter pixel stays one rule.
 */
final class RuleFinder {

	private RuleFinder() {
	}

	static List<Rule> find(GrayImage image, boolean horizontal, int minLength, int maxThickness) {
		int lines = horizontal ? image.height() : image.width();
		int along = horizontal ? image.width() : image.height();
		List<Rule> found = new ArrayList<>();
		List<int[]> open = new ArrayList<>();
		for (int line = 0; line <= lines; line++) {
			List<int[]> next = new ArrayList<>();
			if (line < lines) {
				for (int[] run : runs(image, horizontal, line, along, minLength)) {
					int[] joined = null;
					for (Iterator<int[]> it = open.iterator(); it.hasNext();) {
						int[] rule = it.next();
						int common = Math.min(rule[1], run[1]) - Math.max(rule[0], run[0]) + 1;
						if (common >= 0.5 * Math.min(rule[1] - rule[0], run[1] - run[0])) {
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
	private static List<int[]> runs(GrayImage image, boolean horizontal, int line, int along, int minLength) {
		List<int[]> runs = new ArrayList<>();
		int start = -1;
		int lastInk = -2;
		for (int a = 0; a < along; a++) {
			boolean ink = horizontal ? image.isInk(a, line) : image.isInk(line, a);
			if (!ink) {
				continue;
			}
			if (a - lastInk > 2) {
				if (start >= 0 && lastInk - start + 1 >= minLength) {
					runs.add(new int[] { start, lastInk });
				}
				start = a;
			}
			lastInk = a;
		}
		if (start >= 0 && lastInk - start + 1 >= minLength) {
			runs.add(new int[] { start, lastInk });
		}
		return runs;
	}
}
