package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.TemplateBox;

/**
 * Chooses what a scan is aligned on: the square marks nearest the page's
 * corners when at least three are printed; otherwise long printed rules, up
 * to three of each direction, preferring long rules with no parallel rule of
 * similar length nearby (with one, a shifted scan could align on the wrong
 * rule), spread over the page.
 */
final class AnchorChooser {

	/** Shortest rule worth aligning on, points. */
	private static final double MIN_LENGTH = 72;
	/** A parallel rule of similar length this close (points) makes a rule ambiguous. */
	private static final double CLEARANCE = 24;
	/** Chosen rules of one direction are at least this far apart, points. */
	private static final double SPREAD = 36;
	private static final int PER_DIRECTION = 3;

	private AnchorChooser() {
	}

	static List<DraftAnchor> choose(List<Rule> rules, List<int[]> squares, double scale, double pageWidth,
			double pageHeight) {
		if (squares.size() >= 3) {
			return corners(squares, scale, pageWidth, pageHeight);
		}
		List<DraftAnchor> anchors = new ArrayList<>();
		anchors.addAll(rules(rules, true, scale));
		anchors.addAll(rules(rules, false, scale));
		return anchors;
	}

	private static List<DraftAnchor> corners(List<int[]> squares, double scale, double pageWidth, double pageHeight) {
		String[] names = { "top-left", "top-right", "bottom-left", "bottom-right" };
		List<DraftAnchor> anchors = new ArrayList<>();
		List<int[]> used = new ArrayList<>();
		for (int corner = 0; corner < 4; corner++) {
			double cx = (corner % 2 == 0 ? 0 : pageWidth) * scale;
			double cy = (corner < 2 ? 0 : pageHeight) * scale;
			int[] nearest = squares.stream().filter(s -> !used.contains(s))
					.min(Comparator.comparingDouble(s -> Math.hypot((s[0] + s[2]) / 2.0 - cx, (s[1] + s[3]) / 2.0 - cy)))
					.orElse(null);
			if (nearest != null) {
				used.add(nearest);
				anchors.add(new DraftAnchor(names[corner], Anchor.Kind.SQUARE_MARK, new TemplateBox(
						FieldProposer.round(nearest[0] / scale), FieldProposer.round(nearest[1] / scale),
						FieldProposer.round((nearest[2] + 1 - nearest[0]) / scale),
						FieldProposer.round((nearest[3] + 1 - nearest[1]) / scale))));
			}
		}
		return anchors;
	}

	private static List<DraftAnchor> rules(List<Rule> all, boolean horizontal, double scale) {
		List<Rule> candidates = all.stream().filter(r -> r.horizontal() == horizontal)
				.filter(r -> r.length() >= MIN_LENGTH * scale).toList();
		List<Rule> byScore = candidates.stream()
				.sorted(Comparator.comparingDouble((Rule r) -> -score(r, candidates, scale))
						.thenComparingDouble(Rule::position))
				.toList();
		List<Rule> chosen = new ArrayList<>();
		for (Rule rule : byScore) {
			if (chosen.size() < PER_DIRECTION
					&& chosen.stream().allMatch(c -> Math.abs(c.position() - rule.position()) >= SPREAD * scale)) {
				chosen.add(rule);
			}
		}
		chosen.sort(Comparator.comparingDouble(Rule::position));
		List<DraftAnchor> anchors = new ArrayList<>();
		for (Rule rule : chosen) {
			double along = FieldProposer.round(rule.from() / scale);
			double across = FieldProposer.round(rule.top() / scale);
			double length = FieldProposer.round(rule.length() / scale);
			double thickness = FieldProposer.round(rule.thickness() / scale);
			anchors.add(horizontal
					? new DraftAnchor(String.format(Locale.ROOT, "rule at y %.0f", across),
							Anchor.Kind.HORIZONTAL_LINE, new TemplateBox(along, across, length, thickness))
					: new DraftAnchor(String.format(Locale.ROOT, "rule at x %.0f", across), Anchor.Kind.VERTICAL_LINE,
							new TemplateBox(across, along, thickness, length)));
		}
		return anchors;
	}

	/** Length, discounted when a parallel rule of similar length lies closer than the clearance. */
	private static double score(Rule rule, List<Rule> parallel, double scale) {
		double nearest = Double.MAX_VALUE;
		for (Rule other : parallel) {
			if (other != rule && other.overlaps(rule, 0.5)
					&& Math.min(other.length(), rule.length()) >= 0.7 * Math.max(other.length(), rule.length())) {
				nearest = Math.min(nearest, Math.abs(other.position() - rule.position()));
			}
		}
		return rule.length() * Math.min(1, nearest / (CLEARANCE * scale));
	}
}
