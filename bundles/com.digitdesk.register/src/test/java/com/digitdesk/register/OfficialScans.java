package com.digitdesk.register;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.RenderDestination;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;

/**
 * Scans of the official blank forms (Form 1040 page 1, Form W-2, 2024) with
 * a known placement: the vector page drawn by PDFBox rotated, shifted and
 * scaled on the glass, its rules broken in places and one dashed, strokes
 * written across rules and in fields, blurred, speckled with dust, and noisy
 * gray or thresholded to black and white. The identification tests use
 * them too.
 */
public final class OfficialScans {

	/** Official blank pages, read where the corpus bundle keeps them (tests run in their bundle's folder). */
	public static final Path F1040 = Path.of("../com.digitdesk.corpus/src/main/resources/forms/f1040-2024-page1-blank.pdf");
	public static final Path W2 = Path.of("../com.digitdesk.corpus/src/main/resources/forms/fw2-2024-copy2-blank.pdf");

	/** How the page lies on the glass: rotated and scaled about its centre, then shifted (points). */
	public record Placement(double rotationDegrees, double shiftX, double shiftY, double scale) {

		/** A placement within what a scan does: up to 3 degrees, 12 points, 3%. */
		public static Placement random(Random random) {
			return new Placement(symmetric(random, 3), symmetric(random, 12), symmetric(random, 12),
					1 + symmetric(random, 0.03));
		}

		private static double symmetric(Random random, double limit) {
			return (random.nextDouble() * 2 - 1) * limit;
		}

		AffineTransform affine(int dpi) {
			double pixelsPerPoint = dpi / 72.0;
			AffineTransform at = new AffineTransform();
			at.translate((306 + shiftX) * pixelsPerPoint, (396 + shiftY) * pixelsPerPoint);
			at.rotate(Math.toRadians(rotationDegrees));
			at.scale(pixelsPerPoint * scale, pixelsPerPoint * scale);
			at.translate(-306, -396);
			return at;
		}

		/** Template points to scan pixels, the truth a registration is measured against. */
		public PageTransform transform(int dpi) {
			AffineTransform at = affine(dpi);
			return new PageTransform(at.getScaleX(), at.getShearX(), at.getTranslateX(), at.getShearY(),
					at.getScaleY(), at.getTranslateY());
		}
	}

	/** What the scan does to the page besides placing it. */
	public record Wear(boolean bilevel, boolean blur, int specks, boolean brokenRules, int strokes) {

		public static final Wear CLEAN = new Wear(false, false, 0, false, 0);

		/** Gray or bilevel, with dust, broken and dashed rules and strokes across them. */
		public static Wear heavy(boolean bilevel) {
			return new Wear(bilevel, true, 1500, true, 40);
		}
	}

	private OfficialScans() {
	}

	/**
	 * @param template whose rules are broken and written across, and whose fields are written in
	 */
	public static RenderedPage scan(Path pdf, FormTemplate template, int dpi, Placement placement, Wear wear,
			long seed) throws IOException {
		Random random = new Random(seed);
		double pixelsPerPoint = dpi / 72.0;
		int width = (int) Math.round(612 * pixelsPerPoint);
		int height = (int) Math.round(792 * pixelsPerPoint);
		BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = page.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setBackground(Color.WHITE);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setTransform(placement.affine(dpi));
		if (pdf != null) {
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				new PDFRenderer(document).renderPageToGraphics(0, g, 1f, 1f, RenderDestination.VIEW);
			}
		}
		g.setTransform(placement.affine(dpi));
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		if (wear.brokenRules() && template != null) {
			breakRules(g, template, random);
		}
		if (wear.strokes() > 0 && template != null) {
			write(g, template, wear.strokes(), random);
		}
		g.dispose();
		if (wear.blur()) {
			float[] kernel = { 1, 2, 1, 2, 4, 2, 1, 2, 1 };
			for (int i = 0; i < kernel.length; i++) {
				kernel[i] /= 16f;
			}
			page = new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(page, null);
		}
		byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData().clone();
		for (int i = 0; i < wear.specks(); i++) {
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
		for (int i = 0; i < pixels.length; i++) {
			int gray = pixels[i] & 0xFF;
			if (wear.bilevel()) {
				gray = gray < 160 ? GrayImage.BLACK : GrayImage.WHITE;
			} else if (wear.specks() > 0) {
				gray = Math.max(0, Math.min(255, gray + (int) Math.round(random.nextGaussian() * 6)));
			}
			pixels[i] = (byte) gray;
		}
		return new RenderedPage(pdf == null ? Path.of("blank.pdf") : pdf, 0, dpi, 612, 792,
				new GrayImage(width, height, pixels), RenderMethod.RENDERED);
	}

	/** Three gaps of 6 to 14 points in every line anchor's rule, and the first anchor dashed along its length. */
	private static void breakRules(Graphics2D g, FormTemplate template, Random random) {
		g.setColor(Color.WHITE);
		boolean first = true;
		for (Anchor anchor : template.anchors()) {
			if (anchor.kind() == Anchor.Kind.SQUARE_MARK) {
				continue;
			}
			boolean horizontal = anchor.kind() == Anchor.Kind.HORIZONTAL_LINE;
			TemplateBox box = anchor.box();
			double length = horizontal ? box.width() : box.height();
			for (int gap = 0; gap < 3; gap++) {
				gap(g, box, horizontal, random.nextDouble() * (length - 14), 6 + random.nextDouble() * 8);
			}
			if (first) {
				for (double at = 2; at < length; at += 6) {
					gap(g, box, horizontal, at, 2.5);
				}
				first = false;
			}
		}
	}

	private static void gap(Graphics2D g, TemplateBox box, boolean horizontal, double at, double length) {
		g.fill(horizontal ? new Rectangle2D.Double(box.x() + at, box.y() - 1, length, box.height() + 2)
				: new Rectangle2D.Double(box.x() - 1, box.y() + at, box.width() + 2, length));
	}

	/** Pen strokes: across line anchors, and in fields (where they touch the printed rules). */
	private static void write(Graphics2D g, FormTemplate template, int strokes, Random random) {
		g.setColor(new Color(30, 30, 60));
		g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		for (int i = 0; i < strokes; i++) {
			double x;
			double y;
			if (i % 2 == 0 && !template.anchors().isEmpty()) {
				TemplateBox box = template.anchors().get(random.nextInt(template.anchors().size())).box();
				x = box.x() + random.nextDouble() * box.width();
				y = box.y() + random.nextDouble() * box.height();
			} else {
				FieldSpec field = template.fields().get(random.nextInt(template.fields().size()));
				x = field.box().x() + random.nextDouble() * field.box().width();
				y = field.box().bottom() - random.nextDouble() * 4;
			}
			double size = 8 + random.nextDouble() * 10;
			g.draw(new CubicCurve2D.Double(x - size * random.nextDouble(), y - size, x + size * random.nextDouble(),
					y - size / 2, x - size * random.nextDouble(), y + size / 2, x + size * random.nextDouble() / 2,
					y + size * 0.6));
		}
	}

	/** The largest distance, in points, between where two transforms put the template's field box corners. */
	public static double maxCornerError(PageTransform found, PageTransform truth, FormTemplate template) {
		double max = 0;
		for (FieldSpec field : template.fields()) {
			TemplateBox box = field.box();
			for (double[] corner : new double[][] { { box.x(), box.y() }, { box.right(), box.y() },
					{ box.x(), box.bottom() }, { box.right(), box.bottom() } }) {
				double dx = found.pixelX(corner[0], corner[1]) - truth.pixelX(corner[0], corner[1]);
				double dy = found.pixelY(corner[0], corner[1]) - truth.pixelY(corner[0], corner[1]);
				max = Math.max(max, Math.hypot(dx, dy) / truth.scale());
			}
		}
		return max;
	}
}
