package com.digitdesk.corpus;

import java.util.Random;

/**
 * How one page is "scanned": resolution, the page's placement on the glass
 * (rotation, shift, scale), and the degradations (blur, speckles, threshold).
 */
record ScanSettings(int dpi, Compression compression, boolean binary, double rotationDegrees, double shiftXPoints,
		double shiftYPoints, double scale, boolean blur, int speckles, int threshold, float jpegQuality) {

	static final double MAX_ROTATION = 3.0;
	static final double MAX_SHIFT = 12.0;
	static final double MAX_SCALE_CHANGE = 0.03;

	/** Settings of one page; {@code dpi} and {@code compression} are those of its document. */
	static ScanSettings random(int dpi, Compression compression, Random random) {
		boolean binary = compression == Compression.G4 || compression == Compression.FLATE && random.nextBoolean();
		return new ScanSettings(dpi, compression, binary, symmetric(random, MAX_ROTATION),
				symmetric(random, MAX_SHIFT), symmetric(random, MAX_SHIFT), 1 + symmetric(random, MAX_SCALE_CHANGE),
				random.nextDouble() < 0.5, 200 + random.nextInt(2000), 135 + random.nextInt(40),
				0.55f + 0.3f * random.nextFloat());
	}

	private static double symmetric(Random random, double limit) {
		return (random.nextDouble() * 2 - 1) * limit;
	}
}
