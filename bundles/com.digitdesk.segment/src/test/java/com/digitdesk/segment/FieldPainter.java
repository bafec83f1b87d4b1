package com.digitdesk.segment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.mnist.MnistCache;

/**
 * Paints a small page at 300 dpi in template points: a field's print in
 * some style (box, dividers, ticks, a dollar sign, label text) and real
 * handwritten MNIST digits in it.
 */
final class FieldPainter {

	static final int DPI = 300;
	static final double SCALE = DPI / 72.0;
	private static DigitDataset mnist;

	private final BufferedImage image;
	private final Graphics2D g;
	private final double width;
	private final double height;
	private final Random random;

	FieldPainter(double width, double height, long seed) {
		this(width, height, seed, null);
	}

	/** Writes on a page rendered at {@value #DPI} dpi (a blank form). */
	FieldPainter(RenderedPage form, long seed) {
		this(form.widthPoints(), form.heightPoints(), seed, form.image());
	}

	private FieldPainter(double width, double height, long seed, GrayImage background) {
		this.width = width;
		this.height = height;
		this.random = new Random(seed);
		image = new BufferedImage(background != null ? background.width() : (int) Math.ceil(width * SCALE),
				background != null ? background.height() : (int) Math.ceil(height * SCALE), BufferedImage.TYPE_BYTE_GRAY);
		g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		if (background != null) {
			image.getRaster().setDataElements(0, 0, background.width(), background.height(), background.pixels());
		}
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.scale(SCALE, SCALE);
		g.setColor(Color.BLACK);
	}

	/** A box outline, solid or dotted. */
	FieldPainter box(TemplateBox box, boolean dotted) {
		line(box.x(), box.y(), box.right(), box.y(), dotted);
		line(box.x(), box.bottom(), box.right(), box.bottom(), dotted);
		line(box.x(), box.y(), box.x(), box.bottom(), dotted);
		line(box.right(), box.y(), box.right(), box.bottom(), dotted);
		return this;
	}

	/** A printed line 0.7 pt wide, solid or dotted (dots of 1 pt, 1.5 pt apart). */
	FieldPainter line(double x0, double y0, double x1, double y1, boolean dotted) {
		g.setStroke(dotted ? new BasicStroke(0.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 1f, 1.5f }, 0)
				: new BasicStroke(0.7f));
		g.draw(new Line2D.Double(x0, y0, x1, y1));
		return this;
	}

	/** A straight stroke {@code width} points wide: a printed rule of any weight, or a pen's thin 1. */
	FieldPainter stroke(double x0, double y0, double x1, double y1, double width) {
		g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(x0, y0, x1, y1));
		return this;
	}

	/** Printed text, as a label, a dollar sign, dot leaders. */
	FieldPainter text(String text, double x, double baseline, double size) {
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) size));
		g.drawString(text, (float) x, (float) baseline);
		return this;
	}

	/** A written point or comma, centred at x on the baseline. */
	FieldPainter point(double x, double baseline) {
		g.fill(new Ellipse2D.Double(x - 0.8, baseline - 1.6, 1.6, 1.6));
		return this;
	}

	/** A round dot of this diameter centred at (x, y): a point of a fine pen, or a speck of dust. */
	FieldPainter dot(double x, double y, double diameter) {
		return stroke(x, y, x, y, diameter);
	}

	/** Everything painted so far keeps this share of its ink: a light pen scanned in gray. */
	FieldPainter faded(double share) {
		byte[] gray = new byte[image.getWidth() * image.getHeight()];
		image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), gray);
		for (int i = 0; i < gray.length; i++) {
			gray[i] = (byte) (255 - Math.round((255 - (gray[i] & 0xFF)) * share));
		}
		image.getRaster().setDataElements(0, 0, image.getWidth(), image.getHeight(), gray);
		return this;
	}

	/** A written point of this share of full ink. */
	FieldPainter point(double x, double baseline, double share) {
		int level = (int) Math.round(255 * (1 - share));
		g.setColor(new Color(level, level, level));
		point(x, baseline);
		g.setColor(Color.BLACK);
		return this;
	}

	/** A written comma: a point on the baseline with a tail down to the left. */
	FieldPainter comma(double x, double baseline) {
		point(x, baseline);
		g.setStroke(new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(x + 0.5, baseline - 0.8, x - 0.6, baseline + 1.6));
		return this;
	}

	/** A written dash from x0 to x1 at height y, pen width 1.3 pt. */
	FieldPainter dash(double x0, double x1, double y) {
		g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(x0, y, x1, y));
		return this;
	}

	/**
	 * Writes handwritten digits left to right from x, each about
	 * {@code size} points high and centred on {@code centerY}.
	 *
	 * @param gaps the space before each digit after the first, in points; negative overlaps (touching digits)
	 * @return each digit's ink from left to right: {left, right, top, bottom} in points
	 */
	List<double[]> digits(String digits, double x, double centerY, double size, double... gaps) {
		List<double[]> boxes = new ArrayList<>();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0) {
				x += gaps.length == 0 ? 2.5 : gaps[Math.min(i - 1, gaps.length - 1)];
			}
			double[] ink = digit(digits.charAt(i) - '0', x, centerY, size);
			boxes.add(ink);
			x = ink[1];
		}
		return boxes;
	}

	/** One MNIST digit with its ink's left edge at x; returns its ink box {left, right, top, bottom}. */
	double[] digit(int value, double x, double centerY, double size) {
		return draw(sample(value), x, centerY, size, false);
	}

	/** One MNIST digit centred on (centerX, centerY), as in a cell; returns its ink box. */
	double[] centredDigit(int value, double centerX, double centerY, double size) {
		return draw(sample(value), centerX, centerY, size, true);
	}

	private double[] draw(DigitImage digit, double x, double centerY, double size, boolean centred) {
		BufferedImage pen = new BufferedImage(DigitImage.SIDE, DigitImage.SIDE, BufferedImage.TYPE_INT_ARGB);
		int left = DigitImage.SIDE, right = -1, top = DigitImage.SIDE, bottom = -1;
		for (int v = 0; v < DigitImage.SIDE; v++) {
			for (int u = 0; u < DigitImage.SIDE; u++) {
				int ink = digit.ink(u, v);
				pen.setRGB(u, v, Math.max(0, Math.min(255, (ink - 50) * 2)) << 24);
				if (ink > 40) {
					left = Math.min(left, u);
					right = Math.max(right, u);
					top = Math.min(top, v);
					bottom = Math.max(bottom, v);
				}
			}
		}
		double scale = size / (bottom - top + 1);
		double y = centerY - size / 2;
		if (centred) {
			x -= (right - left + 1) * scale / 2;
		}
		AffineTransform at = new AffineTransform();
		at.translate(x - left * scale, y - top * scale);
		at.scale(scale, scale);
		g.drawImage(pen, at, null);
		return new double[] { x, x + (right - left + 1) * scale, y, y + size };
	}

	private DigitImage sample(int value) {
		DigitDataset set = mnist();
		while (true) {
			int i = random.nextInt(set.size());
			if (set.label(i) == value) {
				return set.image(i);
			}
		}
	}

	private static synchronized DigitDataset mnist() {
		if (mnist == null) {
			try {
				mnist = MnistCache.atDefaultLocation().test();
			} catch (Exception e) {
				throw new IllegalStateException("the MNIST test digits: " + e.getMessage(), e);
			}
		}
		return mnist;
	}

	/** The painted page, as a scan exactly at the template's place. */
	RenderedPage page() {
		byte[] gray = new byte[image.getWidth() * image.getHeight()];
		image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), gray);
		return new RenderedPage(Path.of("painted.pdf"), 0, DPI, width, height,
				new GrayImage(image.getWidth(), image.getHeight(), gray), RenderMethod.RENDERED);
	}
}
