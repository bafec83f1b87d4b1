package com.digitdesk.register;

import java.util.List;

import com.digitdesk.api.registration.PageTransform;

/** Least-squares affine map from template points to scan pixels, from matched point pairs. */
final class AffineFit {

	/** A template point and where it was found on the scan. */
	record Match(double x, double y, double px, double py) {
	}

	private AffineFit() {
	}

	/** @param matches at least three, not all on one line */
	static PageTransform fit(List<Match> matches) {
		// Normal equations of px = a x + b y + c (and py alike) share one 3x3 matrix.
		double[][] m = new double[3][3];
		double[] vx = new double[3];
		double[] vy = new double[3];
		for (Match match : matches) {
			double[] row = { match.x(), match.y(), 1 };
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++) {
					m[i][j] += row[i] * row[j];
				}
				vx[i] += row[i] * match.px();
				vy[i] += row[i] * match.py();
			}
		}
		double[] abc = solve(m, vx, 1e-9, "the marks lie on one line");
		double[] def = solve(m, vy, 1e-9, "the marks lie on one line");
		return new PageTransform(abc[0], abc[1], abc[2], def[0], def[1], def[2]);
	}

	/** Root mean square distance, in points, between where the matches were found and where the transform puts them. */
	static double residualPoints(PageTransform t, List<Match> matches) {
		double sum = 0;
		for (Match match : matches) {
			double dx = t.pixelX(match.x(), match.y()) - match.px();
			double dy = t.pixelY(match.x(), match.y()) - match.py();
			sum += dx * dx + dy * dy;
		}
		return Math.sqrt(sum / matches.size()) / t.scale();
	}

	/**
	 * Cramer's rule: fine for a well-conditioned 3x3 system.
	 *
	 * @param least determinant below which the system counts as singular
	 * @param singular the message when it is
	 */
	static double[] solve(double[][] m, double[] v, double least, String singular) {
		double det = det(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
		if (Math.abs(det) < least) {
			throw new IllegalArgumentException(singular);
		}
		double[] result = new double[3];
		for (int k = 0; k < 3; k++) {
			double[][] c = { m[0].clone(), m[1].clone(), m[2].clone() };
			for (int i = 0; i < 3; i++) {
				c[i][k] = v[i];
			}
			result[k] = det(c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2], c[2][0], c[2][1], c[2][2]) / det;
		}
		return result;
	}

	private static double det(double a, double b, double c, double d, double e, double f, double g, double h,
			double i) {
		return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
	}
}
