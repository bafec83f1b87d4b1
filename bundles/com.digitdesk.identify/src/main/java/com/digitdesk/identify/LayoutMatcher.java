package com.digitdesk.identify;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;

/**
 * How well a registered page shows the printed lines its template says are
 * there: the share of points along those lines that have ink next to them.
 * The right template scores near 1; another form registered on it scores
 * low, because its lines are elsewhere.
 *
 * <p>A template of square marks prints every field's outline and cell
 * dividers: those are its lines. A template with line anchors is a real
 * form, which prints some edges of a field's box and not others (an amount
 * column open to the right, a label above the writing area in the same
 * cell): its lines are the anchors' rules along their whole length and, of
 * every field, its best-shown horizontal edge and its best-shown vertical
 * edge (and its cell dividers); the score is the lesser of the two shares,
 * so that neither the long rules nor the many small boxes alone make a match
 * (another form's dense grid of boxes shows many of a template's edges by
 * chance, but not its rules).
 */
final class LayoutMatcher {

	/** Distance between sample points along a line, in points. */
	private static final double STEP = 2.0;
	/** How far across a line ink is looked for, in points: the line's width plus registration error. */
	private static final double REACH = 1.2;

	/**
	 * @param score 0..1
	 * @param found what was found, for the evidence
	 */
	record Match(double score, String found) {
	}

	/** Points along some lines, and how many of them have ink. */
	private record Share(int present, int total) {

		static final Share NONE = new Share(0, 0);

		Share plus(Share other) {
			return new Share(present + other.present, total + other.total);
		}

		double value() {
			return total == 0 ? 0 : (double) present / total;
		}
	}

	private LayoutMatcher() {
	}

	static Match match(GrayImage page, PageTransform transform, FormTemplate template) {
		boolean ruled = template.anchors().stream().anyMatch(anchor -> anchor.kind() != Anchor.Kind.SQUARE_MARK);
		if (!ruled) {
			Share boxes = Share.NONE;
			for (double[] line : lines(template)) {
				boxes = boxes.plus(share(page, transform, line));
			}
			return new Match(boxes.value(), String.format("field boxes %.0f%%", boxes.value() * 100));
		}
		Share rules = Share.NONE;
		for (Anchor anchor : template.anchors()) {
			if (anchor.kind() != Anchor.Kind.SQUARE_MARK) {
				rules = rules.plus(share(page, transform, rule(anchor)));
			}
		}
		Share edges = Share.NONE;
		for (FieldSpec field : template.fields()) {
			TemplateBox box = field.box();
			edges = edges.plus(best(share(page, transform, new double[] { box.x(), box.y(), box.right(), box.y() }),
					share(page, transform, new double[] { box.x(), box.bottom(), box.right(), box.bottom() })));
			edges = edges.plus(best(share(page, transform, new double[] { box.x(), box.y(), box.x(), box.bottom() }),
					share(page, transform, new double[] { box.right(), box.y(), box.right(), box.bottom() })));
			for (double[] divider : dividers(field)) {
				edges = edges.plus(share(page, transform, divider));
			}
		}
		double score = Math.min(rules.value(), edges.value());
		return new Match(score,
				String.format("rules %.0f%%, field edges %.0f%%", rules.value() * 100, edges.value() * 100));
	}

	private static Share best(Share one, Share other) {
		return one.value() >= other.value() ? one : other;
	}

	/**
	 * The share of the line's {@link #STEP}-long pieces with ink on them: a
	 * dotted line (dots closer than a piece) shows as fully as a solid one.
	 */
	private static Share share(GrayImage page, PageTransform transform, double[] line) {
		double length = Math.hypot(line[2] - line[0], line[3] - line[1]);
		int steps = Math.max(1, (int) (length / STEP));
		double ux = (line[2] - line[0]) / length;
		double uy = (line[3] - line[1]) / length;
		int present = 0;
		for (int s = 0; s <= steps; s++) {
			double x = line[0] + (line[2] - line[0]) * s / steps;
			double y = line[1] + (line[3] - line[1]) * s / steps;
			if (inkOnPiece(page, transform, x, y, ux, uy)) {
				present++;
			}
		}
		return new Share(present, steps + 1);
	}

	/**
	 * Ink within half a step along the line (direction {@code ux, uy}) of the
	 * point and {@link #REACH} across: first across the point itself (a solid
	 * line shows there), then pixel by pixel along (a dot of a dotted line).
	 */
	private static boolean inkOnPiece(GrayImage page, PageTransform t, double x, double y, double ux, double uy) {
		if (inkAcross(page, t, x, y, ux, uy, 0.5 / t.scale())) {
			return true;
		}
		double pixel = 1 / t.scale();
		for (double along = -STEP / 2; along < STEP / 2; along += pixel) {
			if (inkAcross(page, t, x + ux * along, y + uy * along, ux, uy, pixel)) {
				return true;
			}
		}
		return false;
	}

	private static boolean inkAcross(GrayImage page, PageTransform t, double x, double y, double ux, double uy,
			double step) {
		for (double across = -REACH; across <= REACH; across += step) {
			double px = x - uy * across;
			double py = y + ux * across;
			if (page.isInk((int) t.pixelX(px, py), (int) t.pixelY(px, py))) {
				return true;
			}
		}
		return false;
	}

	/** A line anchor's rule, along the centre of its box. */
	private static double[] rule(Anchor anchor) {
		TemplateBox box = anchor.box();
		return anchor.kind() == Anchor.Kind.HORIZONTAL_LINE
				? new double[] { box.x(), box.centerY(), box.right(), box.centerY() }
				: new double[] { box.centerX(), box.y(), box.centerX(), box.bottom() };
	}

	/** A square-mark template's printed lines as {x1, y1, x2, y2} in points: field outlines and cell dividers. */
	static List<double[]> lines(FormTemplate template) {
		List<double[]> lines = new ArrayList<>();
		for (FieldSpec field : template.fields()) {
			TemplateBox box = field.box();
			lines.add(new double[] { box.x(), box.y(), box.right(), box.y() });
			lines.add(new double[] { box.x(), box.bottom(), box.right(), box.bottom() });
			lines.add(new double[] { box.x(), box.y(), box.x(), box.bottom() });
			lines.add(new double[] { box.right(), box.y(), box.right(), box.bottom() });
			lines.addAll(dividers(field));
		}
		return lines;
	}

	private static List<double[]> dividers(FieldSpec field) {
		List<double[]> dividers = new ArrayList<>();
		if (field.isCellField()) {
			TemplateBox box = field.box();
			for (TemplateBox cell : field.cellBoxes().subList(1, field.cells())) {
				dividers.add(new double[] { cell.x(), box.y(), cell.x(), box.bottom() });
			}
		}
		return dividers;
	}
}
