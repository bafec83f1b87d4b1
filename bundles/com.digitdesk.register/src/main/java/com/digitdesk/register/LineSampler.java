package com.digitdesk.register;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.register.LineFit.Axis;
import com.digitdesk.register.LineFit.Constraint;

/**
 * Finds a line anchor's rule on the scan to a fraction of a pixel, once a
 * coarse alignment puts it within a point or so: at every pixel column along
 * a horizontal rule (row along a vertical one) it takes the ink run across a
 * narrow band that is as thin as the rule and nearest the expected place, and
 * its darkness-weighted centre. Runs thicker than the rule (a stroke written
 * across it, a letter touching it) and gaps (a broken or dashed rule) give no
 * point; a few stray points are left to the fit to reject.
 */
final class LineSampler {

	/** Half-width of the band a rule is looked for in, in points: well inside the 12 points between a form's rows. */
	static final double BAND = 4;
	/** How far a point may lie from its rule's median offset before the fit, in points. */
	private static final double STRAY = 1.5;
	/** Lighter than this adds nothing to a run's centre: paper and its noise. */
	private static final int PAPER = 230;

	/**
	 * @param constraints the points found, one per column (row) that shows the rule
	 * @param positions columns (rows) along the anchor's length that were looked at
	 */
	record Found(List<Constraint> constraints, int positions) {

		/** Share of the anchor's length where the rule was found. */
		double coverage() {
			return positions == 0 ? 0 : (double) constraints.size() / positions;
		}
	}

	private LineSampler() {
	}

	/** @param index the anchor's index in its template, carried by its constraints */
	static Found sample(Raster page, Anchor anchor, int index, PageTransform coarse) {
		boolean horizontal = anchor.kind() == Anchor.Kind.HORIZONTAL_LINE;
		TemplateBox box = anchor.box();
		double scale = coarse.scale();
		double across = LineAligner.across(anchor);
		double thickness = (horizontal ? box.height() : box.width()) * scale;
		int longest = (int) Math.ceil(thickness + Math.max(2, 0.75 * scale));
		int band = (int) Math.ceil(BAND * scale);
		double start = horizontal ? box.x() : box.y();
		double end = horizontal ? box.right() : box.bottom();
		List<Constraint> constraints = new ArrayList<>();
		List<Double> offsets = new ArrayList<>();
		int positions = 0;
		for (double t = start; t <= end; t += 1 / scale) {
			positions++;
			double x = horizontal ? t : across;
			double y = horizontal ? across : t;
			double px = coarse.pixelX(x, y);
			double py = coarse.pixelY(x, y);
			int line = (int) Math.floor(horizontal ? px : py);
			double expected = horizontal ? py : px;
			double centre = centre(page, horizontal, line, expected, band, longest);
			if (Double.isNaN(centre)) {
				continue;
			}
			offsets.add(centre - expected);
			constraints.add(horizontal ? new Constraint(index, Axis.Y, line + 0.5, centre, across, 1)
					: new Constraint(index, Axis.X, centre, line + 0.5, across, 1));
		}
		if (constraints.isEmpty()) {
			return new Found(constraints, positions);
		}
		// Points off the rule's own course (ink near a gap) go before the fit sees them.
		double[] sorted = offsets.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		double median = sorted[sorted.length / 2];
		List<Constraint> kept = new ArrayList<>();
		for (int i = 0; i < constraints.size(); i++) {
			if (Math.abs(offsets.get(i) - median) <= STRAY * scale) {
				kept.add(constraints.get(i));
			}
		}
		return new Found(kept, positions);
	}

	/**
	 * The centre, in pixel coordinates, of the rule-thin run nearest
	 * {@code expected} across column (or row) {@code line}; NaN when there is none.
	 */
	private static double centre(Raster page, boolean horizontal, int line, double expected, int band, int longest) {
		int from = (int) Math.floor(expected) - band;
		int to = (int) Math.floor(expected) + band;
		double best = Double.NaN;
		double bestDistance = Double.MAX_VALUE;
		int k = from;
		while (k <= to) {
			if (!ink(page, horizontal, line, k)) {
				k++;
				continue;
			}
			int first = k;
			while (k <= to && ink(page, horizontal, line, k)) {
				k++;
			}
			int last = k - 1;
			// A run reaching the band's ends may be longer than it shows: no rule.
			if (first == from || last == to || last - first + 1 > longest) {
				continue;
			}
			double weights = 0;
			double sum = 0;
			for (int j = first - 1; j <= last + 1; j++) {
				double w = Math.max(0, PAPER - gray(page, horizontal, line, j));
				weights += w;
				sum += w * (j + 0.5);
			}
			double centre = sum / weights;
			double distance = Math.abs(centre - expected);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = centre;
			}
		}
		return best;
	}

	private static boolean ink(Raster page, boolean horizontal, int line, int k) {
		return gray(page, horizontal, line, k) < GrayImage.INK_LEVEL;
	}

	private static int gray(Raster page, boolean horizontal, int line, int k) {
		return horizontal ? page.gray(line, k) : page.gray(k, line);
	}
}
