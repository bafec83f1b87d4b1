package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.digitdesk.api.image.GrayImage;

/**
 * Finds the printed rules of a page: straight runs of ink at least a given
 * length, thin across (box edges, column rules, comb lines). Thick strokes
 * (filled marks, large bold type) and runs with print on both sides (the
 * foot of a line of bold type) are no rules. Gaps of one or two pixels
 * are bridged so that a scanned rule with a lighter pixel stays one rule.
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
				Rule candidate = new Rule(horizontal, rule[0], rule[1], rule[2], rule[3]);
				if (candidate.thickness() <= maxThickness && (clearBeside(image, candidate, rule[2] - 2)
						|| clearBeside(image, candidate, rule[3] + 2))) {
					found.add(candidate);
				}
			}
			open = next;
		}
		return found;
	}

	/**
	 * True when the line beside a rule is mostly paper: the foot of a line of
	 * bold type is a run of ink too, but with letters on one side and their
	 * descenders or the next line on the other.
	 */
	private static boolean clearBeside(GrayImage image, Rule rule, int line) {
		int ink = 0;
		for (int a = rule.from(); a <= rule.to(); a++) {
			if (rule.horizontal() ? image.isInk(a, line) : image.isInk(line, a)) {
				ink++;
			}
		}
		return ink <= 0.5 * rule.length();
	}

	/** Runs of ink along one row (or column) at least {@code minLength} long, as {from, to}. */
	private static List<int[]> runs(GrayImage image, boolean horizontal, int line, int along, int minLength) {
		List<int[]> runs = new ArrayList<>();
		int start = -1;
		int lastInk = -2;
		for (int a = 0; a <= along; a++) {
			boolean ink = a < along && (horizontal ? image.isInk(a, line) : image.isInk(line, a));
			if (!ink && a < along) {
				continue;
			}
			if (a - lastInk > 3 || a == along) {
				if (start >= 0 && lastInk - start + 1 >= minLength) {
					runs.add(new int[] { start, lastInk });
				}
				start = a;
			}
			lastInk = a;
		}
		return runs;
	}
}
