package com.digitdesk.api.registration;

/**
 * An affine map from template coordinates (PDF points) to scan pixels:
 * {@code px = a*x + b*y + c}, {@code py = d*x + e*y + f}. Rotation, shift and
 * scale of a scan all fit in it.
 */
public record PageTransform(double a, double b, double c, double d, double e, double f) {

	/** Scale only: a scan that is exactly the template at {@code dpi}. */
	public static PageTransform ofDpi(int dpi) {
		double s = dpi / 72.0;
		return new PageTransform(s, 0, 0, 0, s, 0);
	}

	public double pixelX(double x, double y) {
		return a * x + b * y + c;
	}

	public double pixelY(double x, double y) {
		return d * x + e * y + f;
	}

	/** Rotation of the scan against the template, in degrees. */
	public double rotationDegrees() {
		return Math.toDegrees(Math.atan2(d, a));
	}

	/** Mean scale of the transform, pixels per point. */
	public double scale() {
		return Math.sqrt(Math.abs(a * e - b * d));
	}
}
