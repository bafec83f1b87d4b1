package com.digitdesk.register;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.digitdesk.api.registration.PageTransform;

/**
 * Least-squares fit of the inverse map, scan pixels to template points, from
 * point-to-line constraints: a pixel found on a horizontal rule printed at
 * template y0 must map to y = y0 (whatever its x), one on a vertical rule to
 * x = x0; a square mark's centre gives one constraint of each kind. The x and
 * y rows of the map are fitted separately, each a 3x3 system.
 */
final class LineFit {

	/** Which template coordinate a constraint fixes. */
	enum Axis {
		X, Y
	}

	/**
	 * Scan pixel ({@code px}, {@code py}) must map to template coordinate
	 * {@code value} along {@code axis}.
	 *
	 * @param anchor index of the anchor it was found on, in the template's list
	 */
	record Constraint(int anchor, Axis axis, double px, double py, double value, double weight) {
	}

	/** The inverse map: {@code x = a px + b py + c}, {@code y = d px + e py + f}. */
	record Inverse(double a, double b, double c, double d, double e, double f) {

		/** Signed distance, in template points, between where the map takes the pixel and where it should be. */
		double residual(Constraint k) {
			double mapped = k.axis() == Axis.X ? a * k.px() + b * k.py() + c : d * k.px() + e * k.py() + f;
			return mapped - k.value();
		}

		/** The forward map, template points to scan pixels. */
		PageTransform forward() {
			double det = a * e - b * d;
			double fa = e / det;
			double fb = -b / det;
			double fd = -d / det;
			double fe = a / det;
			return new PageTransform(fa, fb, -(fa * c + fb * f), fd, fe, -(fd * c + fe * f));
		}
	}

	/** A fit and the constraints it keeps (the others lie too far off it). */
	record Robust(Inverse inverse, List<Constraint> inliers) {

		/** Root mean square of the kept constraints' residuals, in points. */
		double residualPoints() {
			double sum = 0;
			double weights = 0;
			for (Constraint k : inliers) {
				double r = inverse.residual(k);
				sum += k.weight() * r * r;
				weights += k.weight();
			}
			return Math.sqrt(sum / weights);
		}
	}

	/** Residual below which a constraint is always kept, in points: a rule's ragged edge on a coarse bilevel scan. */
	static final double KEEP = 0.5;

	private LineFit() {
	}

	/**
	 * Fits, then drops the constraints more than three robust deviations (at
	 * least {@link #KEEP}) off the fit and fits again, until that settles.
	 */
	static Robust fitRobust(List<Constraint> constraints) {
		List<Constraint> kept = constraints;
		Inverse inverse = fit(kept);
		for (int round = 0; round < 6; round++) {
			double[] residuals = new double[kept.size()];
			for (int i = 0; i < residuals.length; i++) {
				residuals[i] = Math.abs(inverse.residual(kept.get(i)));
			}
			Arrays.sort(residuals);
			double limit = Math.max(KEEP, 3 * 1.4826 * residuals[residuals.length / 2]);
			List<Constraint> next = new ArrayList<>();
			for (Constraint k : constraints) {
				if (Math.abs(inverse.residual(k)) <= limit) {
					next.add(k);
				}
			}
			if (next.equals(kept)) {
				break;
			}
			kept = next;
			inverse = fit(kept);
		}
		return new Robust(inverse, kept);
	}

	/**
	 * An axis with constraints on two or more distinct parallel lines gets its
	 * own row. An axis with one line only (a form printing a single vertical
	 * rule, say) fixes where that rule goes but not the scale across it; a
	 * scanner scales evenly and turns the page as a whole, so that row is
	 * taken as the other row turned by a right angle, and only its offset is
	 * fitted.
	 *
	 * @param constraints one axis with constraints on at least two distinct parallel lines, the other on one or more
	 * @throws IllegalArgumentException when the constraints do not fix the map
	 */
	static Inverse fit(List<Constraint> constraints) {
		long vertical = distinctLines(constraints, Axis.X);
		long horizontal = distinctLines(constraints, Axis.Y);
		if (vertical >= 2 && horizontal >= 2) {
			double[] x = row(constraints, Axis.X);
			double[] y = row(constraints, Axis.Y);
			return new Inverse(x[0], x[1], x[2], y[0], y[1], y[2]);
		}
		if (horizontal >= 2 && vertical == 1) {
			double[] y = row(constraints, Axis.Y);
			// x = a px + b py + c with a = e, b = -d: the y row turned by a right angle.
			return new Inverse(y[1], -y[0], offset(constraints, Axis.X, y[1], -y[0]), y[0], y[1], y[2]);
		}
		if (vertical >= 2 && horizontal == 1) {
			double[] x = row(constraints, Axis.X);
			return new Inverse(x[0], x[1], x[2], -x[1], x[0], offset(constraints, Axis.Y, -x[1], x[0]));
		}
		throw new IllegalArgumentException(String.format(
				"found %d horizontal and %d vertical anchor lines: one of each and a second on either axis are needed",
				horizontal, vertical));
	}

	/** How many distinct parallel lines (template coordinates a tenth of a point apart) constrain an axis. */
	static long distinctLines(List<Constraint> constraints, Axis axis) {
		return constraints.stream().filter(k -> k.axis() == axis).mapToLong(k -> Math.round(k.value() * 10)).distinct()
				.count();
	}

	/** The weighted mean offset that puts an axis' points where they belong, given the row's other two terms. */
	private static double offset(List<Constraint> constraints, Axis axis, double alongX, double alongY) {
		double sum = 0;
		double weights = 0;
		for (Constraint k : constraints) {
			if (k.axis() == axis) {
				sum += k.weight() * (k.value() - alongX * k.px() - alongY * k.py());
				weights += k.weight();
			}
		}
		return sum / weights;
	}

	private static double[] row(List<Constraint> constraints, Axis axis) {
		// Centred pixel coordinates keep the normal equations well conditioned.
		double sw = 0, mx = 0, my = 0;
		for (Constraint k : constraints) {
			if (k.axis() == axis) {
				sw += k.weight();
				mx += k.weight() * k.px();
				my += k.weight() * k.py();
			}
		}
		if (sw == 0) {
			throw new IllegalArgumentException("nothing fixes the template's " + axis.name().toLowerCase());
		}
		mx /= sw;
		my /= sw;
		double[][] m = new double[3][3];
		double[] v = new double[3];
		for (Constraint k : constraints) {
			if (k.axis() != axis) {
				continue;
			}
			double[] r = { k.px() - mx, k.py() - my, 1 };
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++) {
					m[i][j] += k.weight() * r[i] * r[j];
				}
				v[i] += k.weight() * r[i] * k.value();
			}
		}
		// Relative to the diagonal's product (the largest a positive system's determinant can be).
		double[] p = AffineFit.solve(m, v, 1e-9 * m[0][0] * m[1][1] * m[2][2],
				"the found " + (axis == Axis.X ? "vertical" : "horizontal") + " anchors lie on one line");
		// Back from centred coordinates.
		return new double[] { p[0], p[1], p[2] - p[0] * mx - p[1] * my };
	}
}
