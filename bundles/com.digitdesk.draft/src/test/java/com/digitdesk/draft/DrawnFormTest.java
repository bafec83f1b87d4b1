package com.digitdesk.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.TemplateBox;

/**
 * A page printed the way the first test designs are (corner squares, labels
 * above the boxes, boxed cells, an amount with a printed $ and a cents divider
 * rising from its bottom, comb lines, a plain box), drawn at 200 dpi: the
 * draft finds each box with its kind, cells and divider.
 */
class DrawnFormTest {

	private static final int DPI = 200;

	@Test
	void draftsEachKindOfBox() throws Exception {
		TemplateDraft draft = TemplateDrafter.draft(page(), "drawn", "drawn", area -> "");

		assertThat(draft.anchors()).extracting(DraftAnchor::kind).containsOnly(Anchor.Kind.SQUARE_MARK).hasSize(4);
		assertThat(draft.anchors().get(0).box().x()).isCloseTo(30, within(1.0));
		List<DraftField> fields = draft.fields();
		assertThat(fields).extracting(DraftField::kind).containsExactly(FieldKind.DIGITS, FieldKind.AMOUNT,
				FieldKind.DIGITS, FieldKind.NUMBER);
		near(fields.get(0).box(), new TemplateBox(392, 104, 180, 24));
		assertThat(fields.get(0).cells()).isEqualTo(9);
		near(fields.get(1).box(), new TemplateBox(392, 214, 180, 26));
		assertThat(fields.get(1).centsDivider().getAsDouble()).isCloseTo(572 - 1.6 * 26, within(1.0));
		near(fields.get(2).box(), new TemplateBox(100, 300, 120, 20));
		assertThat(fields.get(2).cells()).isEqualTo(6);
		near(fields.get(3).box(), new TemplateBox(300, 300, 150, 20));
	}

	private static void near(TemplateBox actual, TemplateBox expected) {
		assertThat(actual.x()).as("x of %s", actual).isCloseTo(expected.x(), within(2.0));
		assertThat(actual.y()).as("y of %s", actual).isCloseTo(expected.y(), within(2.0));
		assertThat(actual.right()).as("right of %s", actual).isCloseTo(expected.right(), within(2.0));
		assertThat(actual.bottom()).as("bottom of %s", actual).isCloseTo(expected.bottom(), within(2.0));
	}

	private static RenderedPage page() {
		double scale = DPI / 72.0;
		BufferedImage image = new BufferedImage((int) (612 * scale), (int) (792 * scale), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.scale(scale, scale);
		g.setColor(Color.BLACK);
		for (double[] corner : new double[][] { { 30, 30 }, { 568, 30 }, { 30, 748 }, { 568, 748 } }) {
			g.fill(new Rectangle2D.Double(corner[0], corner[1], 14, 14));
		}
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
		g.drawString("Form 1040 U.S. Individual Income Tax Return", 60, 70);
		g.setStroke(new BasicStroke(1.6f));
		g.draw(new Line2D.Double(60, 80, 552, 80));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
		cells(g, "Your social security number", 392, 104, 180, 24, 9);
		g.setStroke(new BasicStroke(0.8f));
		g.drawString("1 Wages, salaries, tips", 392, 211);
		g.draw(new Rectangle2D.Double(392, 214, 180, 26));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		g.drawString("$", (float) (392 + 0.6 * 26 * 0.25), (float) (214 + 26 * 0.68));
		g.setStroke(new BasicStroke(0.6f));
		double divider = 572 - 1.6 * 26;
		g.draw(new Line2D.Double(divider, 214 + 26 * 0.35, divider, 240));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
		g.setStroke(new BasicStroke(0.8f));
		g.drawString("Account number", 100, 297);
		g.draw(new Rectangle2D.Double(100, 300, 120, 20));
		g.setStroke(new BasicStroke(0.6f));
		for (int i = 1; i < 6; i++) {
			g.draw(new Line2D.Double(100 + 20 * i, 308, 100 + 20 * i, 320)); // comb lines from the bottom
		}
		g.setStroke(new BasicStroke(0.8f));
		g.drawString("Number of dependents", 300, 297);
		g.draw(new Rectangle2D.Double(300, 300, 150, 20));
		g.dispose();
		byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		return new RenderedPage(Path.of("drawn.pdf"), 0, DPI, 612, 792,
				new GrayImage(image.getWidth(), image.getHeight(), pixels.clone()), RenderedPage.RenderMethod.RENDERED);
	}

	private static void cells(Graphics2D g, String label, double x, double y, double width, double height, int count) {
		g.setStroke(new BasicStroke(0.8f));
		g.drawString(label, (float) x, (float) y - 3);
		g.draw(new Rectangle2D.Double(x, y, width, height));
		g.setStroke(new BasicStroke(0.6f));
		for (int i = 1; i < count; i++) {
			double cx = x + width * i / count;
			g.draw(new Line2D.Double(cx, y, cx, y + height));
		}
	}
}
