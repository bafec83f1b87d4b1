package com.digitdesk.identify;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;

/**
 * How well a registered page shows the printed lines its template says are
 * there (field outlines, cell dividers, cents dividers): the share of points
 * along those lines that have ink next to them. The right template scores
 * near 1; another form with marks in the same places scores low, because
 * its boxes are elsewhere.
 */
final class LayoutMatcher {

	/** Distance between sample points along a line, in points. */
	private static final double STEP = 2.0;
	/** How far across a line ink is looked for, in points: the line's width plus registration error. */
	private static final double REACH = 1.2;

	private LayoutMatcher() {
	}

	static double score(GrayImage page, PageTransform transform, FormTemplate template) {
		int present = 0;
		int total = 0;
		for (double[] line : lines(template)) {
			double length = Math.hypot(line[2] - line[0], line[3] - line[1]);
			int steps = Math.max(1, (int) (length / STEP));
			double nx = -(line[3] - line[1]) / length;
			double ny = (line[2] - line[0]) / length;
			for (int s = 0; s <= steps; s++) {
				double x = line[0] + (line[2] - line[0]) * s / steps;
				double y = line[1] + (line[3] - line[1]) * s / steps;
				total++;
				if (inkAcross(page, transform, x, y, nx, ny)) {
					present++;
				}
			}
		}
		return total == 0 ? 0 : (double) present / total;
	}

	private static boolean inkAcross(GrayImage page, PageTransform t, double x, double y, double nx, double ny) {
		double step = 0.5 / t.scale();
		for (double d = -REACH; d <= REACH; d += step) {
			double px = x + nx * d;
			double py = y + ny * d;
			if (page.isInk((int) t.pixelX(px, py), (int) t.pixelY(px, py))) {
				return true;
			}
		}
		return false;
	}

	/** The template's printed lines as {x1, y1, x2, y2} in points. */
	static List<double[]> lines(FormTemplate template) {
		List<double[]> lines = new ArrayList<>();
		for (FieldSpec field : template.fields()) {
			TemplateBox box = field.box();
			lines.add(new double[] { box.x(), box.y(), box.right(), box.y() });
			lines.add(new double[] { box.x(), box.bottom(), box.right(), box.bottom() });
			lines.add(new double[] { box.x(), box.y(), box.x(), box.bottom() });
			lines.add(new double[] { box.right(), box.y(), box.right(), box.bottom() });
			if (field.isCellField()) {
				for (TemplateBox cell : field.cellBoxes().subList(1, field.cells())) {
					lines.add(new double[] { cell.x(), box.y(), cell.x(), box.bottom() });
				}
			}
		}
		return lines;
	}
}
