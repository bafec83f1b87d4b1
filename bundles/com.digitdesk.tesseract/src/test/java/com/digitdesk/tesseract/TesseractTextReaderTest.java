package com.digitdesk.tesseract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.TemplateBox;

/** Reads printed labels from a page drawn with Java2D at 200 dpi, as a form's labels are printed. */
class TesseractTextReaderTest {

	private static final int DPI = 200;

	private TesseractTextReader reader;

	@BeforeEach
	void open() throws Exception {
		reader = new TesseractTextReader(Path.of(TesseractConfiguration.DEBIAN_DATA_PATH), "eng");
	}

	@AfterEach
	void close() {
		reader.deactivate();
	}

	@Test
	void readsTheLabelInAnArea() throws Exception {
		RenderedPage page = page("1 Wages, tips, other compensation", "2 Federal income tax withheld");
		assertThat(reader.read(page, new TemplateBox(30, 20, 200, 14))).isEqualTo("1 Wages, tips, other compensation");
		assertThat(reader.read(page, new TemplateBox(300, 20, 200, 14))).isEqualTo("2 Federal income tax withheld");
	}

	@Test
	void readsNothingOnBlankPaperOrOutsideThePage() throws Exception {
		RenderedPage page = page("1 Wages, tips, other compensation", "2 Federal income tax withheld");
		assertThat(reader.read(page, new TemplateBox(30, 100, 200, 14))).isEmpty();
		assertThat(reader.read(page, new TemplateBox(900, 20, 50, 14))).isEmpty();
	}

	/** A 612 x 200 pt page with two labels in 9 pt type on the line y = 30 pt, at x = 36 and 306 pt. */
	private static RenderedPage page(String left, String right) {
		double scale = DPI / 72.0;
		BufferedImage image = new BufferedImage((int) (612 * scale), (int) (200 * scale), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.scale(scale, scale);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
		g.drawString(left, 36, 30);
		g.drawString(right, 306, 30);
		g.dispose();
		byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		return new RenderedPage(Path.of("labels.pdf"), 0, DPI, 612, 200,
				new GrayImage(image.getWidth(), image.getHeight(), pixels.clone()), RenderedPage.RenderMethod.RENDERED);
	}
}
