package com.digitdesk.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.TemplateBox;

/**
 * Coarse alignment of a scan on a template's line anchors: the rotation,
 * even scale and shift under which the page's long rules lie where all the
 * anchors say at once. Forms print many parallel rules a few points apart;
 * one rule looked for alone is easily taken for its neighbour, but the
 * anchors' spacing together is the form's own. Good to about a point, which
 * is what {@link LineSampler} needs to look for each rule in a narrow band.
 *
 * <p>Works in the scan's frame turned back by the rotation tried (about the
 * image centre): there a horizontal rule is a row, and the template maps to
 * it by scale and shift alone, {@code u = s x + tu}, {@code v = s y + tv}.
 */
final class LineAligner {

	/** How far from its nominal place a rule may lie, in points: shift, rotation about the centre and scale together. */
	static final double SEARCH = 45;
	/** Scale change looked for, either way. */
	static final double SCALE_RANGE = 0.04;
	private static final double SCALE_STEP = 0.0005;
	/** How many placements are handed on for a closer look. */
	static final int HYPOTHESES = 4;
	/** Placements that put every rule within this many points of each other are one. */
	private static final double DISTINCT = 2;
	private static final double ANGLE_STEP = 0.25;
	private static final double FINE_ANGLE_STEP = 0.05;
	/** How far (points) the fine rotation search looks from where the coarse one found each rule. */
	private static final double FINE_REACH = 4;
	/** Points apart along the rules where the fine rotation search samples them. */
	private static final double FINE_SAMPLE = 2;
	/** Each end of an anchor left out of the coarse search, which may not know where along the rule it is. */
	private static final double END_MARGIN = 30;

	private LineAligner() {
	}

	/**
	 * @param lines the template's line anchors (no square marks)
	 * @param fromDegrees the rotation is looked for from here...
	 * @param toDegrees ...to here (near the page's skew, see {@link PageSkew})
	 * @return up to {@link #HYPOTHESES} similarities, best first, each putting some rule elsewhere than the
	 *         others: on a page of many parallel rules, one anchor not printed where the template says can
	 *         make a placement on the neighbouring rules score best, which a closer look then rejects
	 */
	static List<PageTransform> align(Raster page, List<Anchor> lines, double pixelsPerPoint, double fromDegrees,
			double toDegrees) {
		int half = (int) Math.ceil(SEARCH * pixelsPerPoint);
		// Rotation: the angle at which the rules are sharpest, first coarsely on a sparse sample, then finely.
		double best = 0;
		double bestSharpness = -1;
		double[][] coarseProfiles = null;
		int[] whole = new int[lines.size()];
		for (double angle = fromDegrees; angle <= toDegrees + 1e-9; angle += ANGLE_STEP) {
			double[][] tried = profiles(page, lines, angle, pixelsPerPoint, half, 3, whole, half);
			double sharpness = sharpness(tried);
			if (sharpness > bestSharpness + 1e-9) {
				bestSharpness = sharpness;
				best = angle;
				coarseProfiles = tried;
			}
		}
		// Turning the page a little further moves each rule by a point or two: the fine search looks near
		// where the coarse one found it.
		int[] peaks = new int[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			peaks[i] = peak(coarseProfiles[i]);
		}
		int near = (int) Math.ceil(FINE_REACH * pixelsPerPoint);
		double coarse = best;
		bestSharpness = -1;
		for (double angle = coarse - ANGLE_STEP; angle <= coarse + ANGLE_STEP + 1e-9; angle += FINE_ANGLE_STEP) {
			double sharpness = sharpness(profiles(page, lines, angle, pixelsPerPoint, half, FINE_SAMPLE, peaks, near));
			if (sharpness > bestSharpness + 1e-9) {
				bestSharpness = sharpness;
				best = angle;
			}
		}
		// The rules at the angle found, all across the search, for the shift and scale.
		double[][] profiles = profiles(page, lines, best, pixelsPerPoint, half, FINE_SAMPLE, whole, half);
		for (double[] profile : profiles) {
			widen(profile);
		}
		// Scale and shift: every horizontal anchor on a rule at once (and every vertical one), for each scale.
		int steps = (int) Math.round(SCALE_RANGE / SCALE_STEP);
		List<Placement> placements = new ArrayList<>();
		for (int step = -steps; step <= steps; step++) {
			double s = pixelsPerPoint * (1 + step * SCALE_STEP);
			int tv = bestShift(lines, profiles, Anchor.Kind.HORIZONTAL_LINE, s - pixelsPerPoint, half);
			int tu = bestShift(lines, profiles, Anchor.Kind.VERTICAL_LINE, s - pixelsPerPoint, half);
			double score = sum(lines, profiles, Anchor.Kind.HORIZONTAL_LINE, s - pixelsPerPoint, tv, half)
					+ sum(lines, profiles, Anchor.Kind.VERTICAL_LINE, s - pixelsPerPoint, tu, half);
			placements.add(new Placement(s, tu, tv, score, Math.abs(step)));
		}
		// The best placements that put some rule at least DISTINCT points from where the better ones put it.
		placements.sort(Comparator.comparingDouble(Placement::score).reversed()
				.thenComparingInt(Placement::distanceFromNominal));
		List<Placement> chosen = new ArrayList<>();
		for (Placement placement : placements) {
			if (chosen.size() == HYPOTHESES) {
				break;
			}
			if (chosen.stream().allMatch(other -> apart(placement, other, lines, DISTINCT * pixelsPerPoint))) {
				chosen.add(placement);
			}
		}
		double theta = Math.toRadians(best);
		List<PageTransform> transforms = new ArrayList<>();
		for (Placement placement : chosen) {
			transforms.add(placement.transform(theta, page.width / 2.0, page.height / 2.0));
		}
		return transforms;
	}

	/**
	 * Scale {@code s} and shifts of the turned frame, in pixels, and the sum of the anchors' shares there.
	 *
	 * @param distanceFromNominal scale steps from the nominal scale, to prefer the nearer of equal placements
	 */
	private record Placement(double s, int tu, int tv, double score, int distanceFromNominal) {

		PageTransform transform(double theta, double cx, double cy) {
			double cos = Math.cos(theta);
			double sin = Math.sin(theta);
			return new PageTransform(cos * s, -sin * s, cx + cos * (tu - cx) - sin * (tv - cy), sin * s, cos * s,
					cy + sin * (tu - cx) + cos * (tv - cy));
		}
	}

	private static boolean apart(Placement one, Placement other, List<Anchor> lines, double pixels) {
		for (Anchor anchor : lines) {
			boolean horizontal = anchor.kind() == Anchor.Kind.HORIZONTAL_LINE;
			double difference = (one.s() - other.s()) * across(anchor)
					+ (horizontal ? one.tv() - other.tv() : one.tu() - other.tu());
			if (Math.abs(difference) > pixels) {
				return true;
			}
		}
		return false;
	}

	/** Where the anchor's rule runs across its length: its box's centre line. */
	static double across(Anchor anchor) {
		TemplateBox box = anchor.box();
		return anchor.kind() == Anchor.Kind.HORIZONTAL_LINE ? box.centerY() : box.centerX();
	}

	private static int bestShift(List<Anchor> lines, double[][] profiles, Anchor.Kind kind, double scaleChange,
			int half) {
		double best = -1;
		int shift = 0;
		for (int i = 0; i <= 2 * half; i++) {
			int t = (i % 2 == 0 ? 1 : -1) * ((i + 1) / 2);
			double score = sum(lines, profiles, kind, scaleChange, t, half);
			if (score > best + 1e-9) {
				best = score;
				shift = t;
			}
		}
		return shift;
	}

	private static double sum(List<Anchor> lines, double[][] profiles, Anchor.Kind kind, double scaleChange,
			int shift, int half) {
		double sum = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).kind() == kind) {
				sum += at(profiles[i], scaleChange * across(lines.get(i)) + shift + half);
			}
		}
		return sum;
	}

	private static double at(double[] profile, double index) {
		int k = (int) Math.round(index);
		return k >= 0 && k < profile.length ? profile[k] : 0;
	}

	/** The sum of each anchor's best row: high when every rule lies along its row. */
	private static double sharpness(double[][] profiles) {
		double sum = 0;
		for (double[] profile : profiles) {
			double max = 0;
			for (double p : profile) {
				max = Math.max(max, p);
			}
			sum += max;
		}
		return sum;
	}

	/** A row between two pixel rows belongs to both: each value becomes the largest of it and its neighbours. */
	private static void widen(double[] profile) {
		double previous = 0;
		for (int k = 0; k < profile.length; k++) {
			double current = profile[k];
			double next = k + 1 < profile.length ? profile[k + 1] : 0;
			profile[k] = Math.max(current, Math.max(previous, next));
			previous = current;
		}
	}

	/**
	 * Each anchor's profile (see {@link #profile}) within {@code reach} of
	 * its offset in {@code around} from its nominal place (0 everywhere else).
	 */
	private static double[][] profiles(Raster page, List<Anchor> lines, double angle, double pixelsPerPoint,
			int half, double stepPoints, int[] around, int reach) {
		double[][] profiles = new double[lines.size()][];
		for (int i = 0; i < lines.size(); i++) {
			profiles[i] = profile(page, lines.get(i), angle, pixelsPerPoint, half, stepPoints,
					Math.max(0, half + around[i] - reach), Math.min(2 * half, half + around[i] + reach));
		}
		return profiles;
	}

	/** Where a profile is highest, as an offset from the anchor's nominal place. */
	private static int peak(double[] profile) {
		int best = 0;
		for (int k = 1; k < profile.length; k++) {
			if (profile[k] > profile[best]) {
				best = k;
			}
		}
		return best - profile.length / 2;
	}

	/**
	 * Share of ink along the anchor's length (its ends left out), for each row
	 * (horizontal anchor) or column (vertical) of the turned frame within
	 * {@code half} pixels of its nominal place; only the rows from index
	 * {@code kFrom} to {@code kTo} are looked at, the others are 0.
	 */
	private static double[] profile(Raster page, Anchor anchor, double angle, double pixelsPerPoint, int half,
			double stepPoints, int kFrom, int kTo) {
		boolean horizontal = anchor.kind() == Anchor.Kind.HORIZONTAL_LINE;
		TemplateBox box = anchor.box();
		double start = horizontal ? box.x() : box.y();
		double end = horizontal ? box.right() : box.bottom();
		double margin = Math.min(END_MARGIN, (end - start) / 4);
		double theta = Math.toRadians(angle);
		double cos = Math.cos(theta);
		double sin = Math.sin(theta);
		double cx = page.width / 2.0;
		double cy = page.height / 2.0;
		double first = across(anchor) * pixelsPerPoint - half;
		int[] counts = new int[2 * half + 1];
		int samples = 0;
		for (double t = start + margin; t <= end - margin; t += stepPoints) {
			samples++;
			double along = t * pixelsPerPoint;
			double u = horizontal ? along : first;
			double v = horizontal ? first : along;
			double px = cx + cos * (u - cx) - sin * (v - cy);
			double py = cy + sin * (u - cx) + cos * (v - cy);
			// One step across the rule in the turned frame.
			double dx = horizontal ? -sin : cos;
			double dy = horizontal ? cos : sin;
			for (int k = kFrom; k <= kTo; k++) {
				if (page.isInk((int) Math.floor(px + k * dx), (int) Math.floor(py + k * dy))) {
					counts[k]++;
				}
			}
		}
		double[] profile = new double[counts.length];
		for (int k = 0; k < counts.length; k++) {
			profile[k] = samples == 0 ? 0 : (double) counts[k] / samples;
		}
		return profile;
	}
}
