package com.digitdesk.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;

/**
 * Writes field values the way people do, with real handwritten digits: one
 * digit per cell for cell fields, and for amounts dollars written freely
 * (varying size, spacing and alignment, now and then two digits touching)
 * left of the cents divider and two cent digits right of it; and digit
 * strings with the separators people write (thousands commas, a decimal
 * point, dashes) written freely on one line of a plain box.
 */
final class Handwriting {

	/** Digit height as a share of the box height. */
	private static final double HEIGHT_SHARE = 0.60;
	/** Ink below this (of 255) is no part of the stroke when measuring a digit. */
	private static final int INK_THRESHOLD = 40;
	/** How often two neighbouring dollar digits touch. */
	static final double TOUCHING_SHARE = 0.03;

	private final DigitPicker picker;
	private final Random random;
	private final int pen;

	Handwriting(DigitPicker picker, Random random) {
		this.picker = picker;
		this.random = random;
		this.pen = random.nextInt(60);
	}

	/** Writes {@code value} (normalized form) into {@code field}; an empty value writes nothing. */
	void write(Graphics2D g, FieldSpec field, String value) {
		if (value.isEmpty()) {
			return;
		}
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		if (field.isCellField()) {
			List<TemplateBox> cells = field.cellBoxes();
			for (int i = 0; i < value.length(); i++) {
				TemplateBox cell = cells.get(i);
				Glyph glyph = glyph(value.charAt(i), cell.height());
				double x = cell.centerX() - glyph.width() / 2 + jitter(1.0);
				double y = cell.centerY() - glyph.height() / 2 + jitter(1.0);
				glyph.draw(g, x, y);
			}
		} else {
			int dot = value.indexOf('.');
			writeDollars(g, field, value.substring(0, dot));
			writeCents(g, field, value.substring(dot + 1));
		}
	}

	private void writeDollars(Graphics2D g, FieldSpec field, String dollars) {
		TemplateBox area = AmountPrint.of(field).dollars();
		double size = area.height() * (0.95 + 0.1 * random.nextDouble());
		List<Glyph> glyphs = new ArrayList<>();
		List<Double> gaps = new ArrayList<>();
		double total = 0;
		for (int i = 0; i < dollars.length(); i++) {
			Glyph glyph = glyph(dollars.charAt(i), size);
			glyphs.add(glyph);
			total += glyph.width();
			if (i > 0) {
				double gap = random.nextDouble() < TOUCHING_SHARE ? -0.6 - random.nextDouble() * 0.6
						: 1.5 + random.nextDouble() * 3.0;
				gaps.add(gap);
				total += gap;
			}
		}
		double room = area.width() - 4;
		double shrink = total > room ? room / total : 1;
		double rightAligned = area.right() - 2 - random.nextDouble() * 6 - total * shrink;
		double x = random.nextDouble() < 0.6 ? Math.max(area.x() + 2, rightAligned)
				: area.x() + 2 + random.nextDouble() * Math.max(0, room - total * shrink);
		double baselineDrift = jitter(0.8);
		for (int i = 0; i < glyphs.size(); i++) {
			Glyph glyph = glyphs.get(i).scaled(shrink);
			double y = area.centerY() + 2 - glyph.height() / 2 + baselineDrift * i / glyphs.size() + jitter(0.8);
			glyph.draw(g, x, y);
			x += glyph.width() + (i < gaps.size() ? gaps.get(i) * shrink : 0);
		}
	}

	private void writeCents(Graphics2D g, FieldSpec field, String cents) {
		TemplateBox area = AmountPrint.of(field).cents();
		double size = area.height() * (0.95 + 0.1 * random.nextDouble());
		Glyph first = glyph(cents.charAt(0), size);
		Glyph second = glyph(cents.charAt(1), size);
		double gap = 1.5 + random.nextDouble() * 2.5;
		double total = first.width() + gap + second.width();
		double shrink = total > area.width() - 5 ? (area.width() - 5) / total : 1;
		first = first.scaled(shrink);
		second = second.scaled(shrink);
		double x = area.x() + 2.5 + random.nextDouble() * Math.max(0, area.width() - 5 - total * shrink);
		first.draw(g, x, area.centerY() + 2 - first.height() / 2 + jitter(0.8));
		second.draw(g, x + first.width() + gap * shrink, area.centerY() + 2 - second.height() / 2 + jitter(0.8));
	}

	/**
	 * Writes {@code text} (digits and the separators {@code , . -}) freely on
	 * one line inside {@code area}, digits about {@code height} points high,
	 * squeezed when it would not fit.
	 *
	 * @param slackShare where the text sits: the share of the free width left
	 *            of it (0 flush left, 1 flush right)
	 */
	void writeFree(Graphics2D g, TemplateBox area, String text, double height, double slackShare) {
		if (text.isEmpty()) {
			return;
		}
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		double size = height * (0.95 + 0.1 * random.nextDouble());
		List<Glyph> glyphs = new ArrayList<>();
		List<Double> widths = new ArrayList<>();
		List<Double> gaps = new ArrayList<>();
		double total = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			Glyph glyph = Character.isDigit(c) ? glyph(c, size / HEIGHT_SHARE) : null;
			double width = glyph != null ? glyph.width() : c == '-' ? 0.45 * size : 0.22 * size;
			glyphs.add(glyph);
			widths.add(width);
			total += width;
			if (i > 0) {
				boolean digits = glyph != null && glyphs.get(i - 1) != null;
				double gap = digits && random.nextDouble() < TOUCHING_SHARE ? -0.05 * size
						: size * (0.08 + random.nextDouble() * 0.2);
				gaps.add(gap);
				total += gap;
			}
		}
		double margin = Math.min(1.5, area.width() * 0.05);
		double room = area.width() - 2 * margin;
		double shrink = total > room ? room / total : 1;
		double x = area.x() + margin + Math.max(0, room - total * shrink) * slackShare;
		double top = area.centerY() - size / 2 + jitter(size * 0.06);
		double drift = jitter(size * 0.06);
		Color ink = new Color(pen, pen, pen);
		for (int i = 0; i < glyphs.size(); i++) {
			double y = top + drift * i / glyphs.size() + jitter(size * 0.04);
			double width = widths.get(i) * shrink;
			Glyph glyph = glyphs.get(i);
			if (glyph != null) {
				glyph.scaled(shrink).draw(g, x, y);
			} else {
				separator(g, text.charAt(i), x, y, width, size * shrink, ink);
			}
			x += width + (i < gaps.size() ? gaps.get(i) * shrink : 0);
		}
	}

	/** A comma, point or dash written with the pen: {@code y} is the top of the digits beside it. */
	private void separator(Graphics2D g, char c, double x, double y, double width, double size, Color ink) {
		Color saved = g.getColor();
		g.setColor(ink);
		g.setStroke(new BasicStroke((float) (size * (0.08 + 0.03 * random.nextDouble())), BasicStroke.CAP_ROUND,
				BasicStroke.JOIN_ROUND));
		double baseline = y + size;
		switch (c) {
		case ',' -> g.draw(new Line2D.Double(x + width * 0.7, baseline - size * 0.08, x + width * 0.25,
				baseline + size * 0.22));
		case '.' -> {
			double d = size * (0.12 + 0.04 * random.nextDouble());
			g.fill(new Ellipse2D.Double(x + width / 2 - d / 2, baseline - d, d, d));
		}
		case '-' -> {
			double mid = y + size * (0.5 + jitter(0.06));
			g.draw(new Line2D.Double(x, mid, x + width, mid + jitter(size * 0.04)));
		}
		default -> throw new IllegalArgumentException("cannot write '" + c + "'");
		}
		g.setColor(saved);
	}

	private double jitter(double amount) {
		return (random.nextDouble() * 2 - 1) * amount;
	}

	/** A handwritten digit scaled so that MNIST's 20-pixel box is {@code HEIGHT_SHARE} of {@code boxHeight}. */
	private Glyph glyph(char digit, double boxHeight) {
		int index = picker.pick(digit - '0', random);
		DigitImage image = picker.digits().image(index);
		double scale = boxHeight * HEIGHT_SHARE * (0.92 + 0.16 * random.nextDouble()) / 20;
		return Glyph.of(image, scale, pen);
	}

	/** One digit image with its ink bounds, placed by the top-left corner of its ink. */
	private record Glyph(BufferedImage image, int left, int top, int inkWidth, int inkHeight, double scale) {

		static Glyph of(DigitImage digit, double scale, int pen) {
			BufferedImage image = new BufferedImage(DigitImage.SIDE, DigitImage.SIDE, BufferedImage.TYPE_INT_ARGB);
			int left = DigitImage.SIDE;
			int right = -1;
			int top = DigitImage.SIDE;
			int bottom = -1;
			for (int y = 0; y < DigitImage.SIDE; y++) {
				for (int x = 0; x < DigitImage.SIDE; x++) {
					int ink = digit.ink(x, y);
					image.setRGB(x, y, (penCoverage(ink) << 24) | (pen << 16) | (pen << 8) | pen);
					if (ink > INK_THRESHOLD) {
						left = Math.min(left, x);
						right = Math.max(right, x);
						top = Math.min(top, y);
						bottom = Math.max(bottom, y);
					}
				}
			}
			if (right < 0) {
				left = top = 4;
				right = bottom = 23;
			}
			return new Glyph(image, left, top, right - left + 1, bottom - top + 1, scale);
		}

		/**
		 * MNIST's soft, anti-aliased strokes as a pen lays them down: full
		 * cover where the stroke is, a short ramp at its edge. Without this,
		 * an MNIST digit blown up to writing size looks pencil-grey.
		 */
		private static int penCoverage(int ink) {
			return Math.max(0, Math.min(255, (ink - 50) * 2));
		}

		Glyph scaled(double factor) {
			return new Glyph(image, left, top, inkWidth, inkHeight, scale * factor);
		}

		double width() {
			return inkWidth * scale;
		}

		double height() {
			return inkHeight * scale;
		}

		void draw(Graphics2D g, double x, double y) {
			AffineTransform at = new AffineTransform();
			at.translate(x - left * scale, y - top * scale);
			at.scale(scale, scale);
			g.drawImage(image, at, null);
		}
	}
}
