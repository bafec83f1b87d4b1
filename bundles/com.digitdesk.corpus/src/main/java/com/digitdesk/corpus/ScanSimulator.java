package com.digitdesk.corpus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.awt.image.WritableRaster;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Simulates a flatbed or fax scan of a page drawn in template coordinates:
 * the page lies a little rotated, shifted and scaled on the glass, is sampled
 * at the scan resolution, slightly blurred, speckled with dust, and for
 * bilevel scans thresholded to black and white.
 */
final class ScanSimulator {

	private ScanSimulator() {
	}

	/**
	 * @param widthPoints page width
	 * @param heightPoints page height
	 * @param content draws the page in template coordinates (points, y down)
	 * @return an 8-bit gray image, or a 1-bit one for bilevel scans
	 */
	static BufferedImage scan(double widthPoints, double heightPoints, ScanSettings settings, Random random,
			Consumer<Graphics2D> content) {
		double pixelsPerPoint = settings.dpi() / 72.0;
		int width = (int) Math.round(widthPoints * pixelsPerPoint);
		int height = (int) Math.round(heightPoints * pixelsPerPoint);
		BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = page.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setTransform(placement(widthPoints, heightPoints, pixelsPerPoint, settings));
		content.accept(g);
		g.dispose();
		if (settings.blur()) {
			float[] kernel = { 1, 2, 1, 2, 4, 2, 1, 2, 1 };
			for (int i = 0; i < kernel.length; i++) {
				kernel[i] /= 16f;
			}
			page = new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(page, null);
		}
		byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
		speckle(pixels, width, height, settings.speckles(), random);
		if (!settings.binary()) {
			for (int i = 0; i < pixels.length; i++) {
				int noisy = (pixels[i] & 0xFF) + (int) Math.round(random.nextGaussian() * 6);
				pixels[i] = (byte) Math.max(0, Math.min(255, noisy));
			}
			return page;
		}
		return threshold(page, pixels, settings.threshold());
	}

	/** Template points to scan pixels: scale and rotate about the page centre, then shift. */
	static AffineTransform placement(double widthPoints, double heightPoints, double pixelsPerPoint,
			ScanSettings settings) {
		AffineTransform at = new AffineTransform();
		at.translate(widthPoints * pixelsPerPoint / 2 + settings.shiftXPoints() * pixelsPerPoint,
				heightPoints * pixelsPerPoint / 2 + settings.shiftYPoints() * pixelsPerPoint);
		at.rotate(Math.toRadians(settings.rotationDegrees()));
		at.scale(pixelsPerPoint * settings.scale(), pixelsPerPoint * settings.scale());
		at.translate(-widthPoints / 2, -heightPoints / 2);
		return at;
	}

	/** Dust and toner specks: small dark blots, a few pixels wide. */
	private static void speckle(byte[] pixels, int width, int height, int count, Random random) {
		for (int i = 0; i < count; i++) {
			int cx = random.nextInt(width);
			int cy = random.nextInt(height);
			int radius = random.nextInt(2);
			int gray = random.nextInt(90);
			for (int y = Math.max(0, cy - radius); y <= Math.min(height - 1, cy + radius); y++) {
				for (int x = Math.max(0, cx - radius); x <= Math.min(width - 1, cx + radius); x++) {
					pixels[y * width + x] = (byte) gray;
				}
			}
		}
	}

	private static BufferedImage threshold(BufferedImage gray, byte[] pixels, int threshold) {
		BufferedImage binary = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		WritableRaster raster = binary.getRaster();
		int width = gray.getWidth();
		int[] row = new int[width];
		for (int y = 0; y < gray.getHeight(); y++) {
			int offset = y * width;
			for (int x = 0; x < width; x++) {
				row[x] = (pixels[offset + x] & 0xFF) < threshold ? 0 : 1;
			}
			raster.setSamples(0, y, width, 1, 0, row);
		}
		return binary;
	}
}
