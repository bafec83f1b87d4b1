package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.api.segmentation.FieldSegmenter;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;

/**
 * Cutting that the recognizer judges, on MNIST test digits written into a
 * box: two cent digits written touching after a point, too narrow together
 * to look like two, are cut in two where the network reads two digits better
 * than one glyph; what a printed divider left in an SSN, read as no digit,
 * is dropped; a dash written into the digit before it is taken off; a 1
 * slanting into the digit after it is cut from it along a path.
 */
@ExtendWith(ServiceExtension.class)
class JudgedCuttingTest {

	private static final int DPI = 300;
	private static final TemplateBox BOX = new TemplateBox(20, 20, 150, 20);
	/** How high the digits are written: six tenths of the box. */
	private static final double SIZE = 0.6 * BOX.height();
	/** An amount in a plain box, no cents divider (as on the official forms). */
	private static final FieldSpec AMOUNT = new FieldSpec("line1b", "Household wages", FieldKind.AMOUNT, BOX, 0, 0,
			OptionalDouble.empty());

	@InjectService(timeout = 10000)
	FieldSegmenter segmenter;

	@InjectService(filter = "(recognizer=cnn)", timeout = 30000)
	DigitRecognizer cnn;

	@InjectService(timeout = 10000)
	MnistDatasets mnist;

	@Test
	void twoCentDigitsWrittenTouchingAfterAPointAreCutInTwo() throws Exception {
		DigitDataset digits = mnist.test();
		WrittenPage written = new WrittenPage();
		// "167.14", the cents' 1 leaning into the 4.
		double x = write(written, digits, "167", BOX.x() + 60, SIZE);
		written.point(x, BOX.centerY() + SIZE / 2);
		double one = x + 3;
		written.digit(uprightOne(digits), one, SIZE);
		written.digit(first(digits, 4, 0), one + 1.1, SIZE);

		SegmentedField byShape = byShape(written, AMOUNT);
		SegmentedField judged = judged(written, AMOUNT);

		// By shape alone the touching pair is one glyph after the point: no cents, whole dollars.
		assertThat(byShape.writtenGlyphs()).hasSize(4);
		assertThat(byShape.centsStart()).isEqualTo(4);
		assertThat(judged.writtenGlyphs()).hasSize(5);
		assertThat(judged.centsStart()).isEqualTo(3);
		assertThat(judged.read(cnn.recognizeCarefully(images(judged)), false)).isEqualTo("167.14");
	}

	@Test
	void twoOnesWrittenTouchingThatTheNetworkReadsAsNoDigitAreCutInTwo() throws Exception {
		DigitDataset digits = mnist.test();
		WrittenPage written = new WrittenPage();
		// "4911", the two 1s touching: together narrower than a digit is wide, too narrow to be tried cut
		// by its shape.
		double x = write(written, digits, "49", BOX.x() + 60, SIZE);
		DigitImage one = uprightOne(digits);
		double touching = written.digit(one, x, SIZE) - 0.2;
		written.digit(one, touching, SIZE);

		SegmentedField byShape = byShape(written, AMOUNT);
		SegmentedField judged = judged(written, AMOUNT);

		assertThat(byShape.writtenGlyphs()).hasSize(3);
		assertThat(cnn.recognizeCarefully(images(byShape)).get(2).isDigit()).isFalse();
		assertThat(judged.read(cnn.recognizeCarefully(images(judged)), false)).isEqualTo("4911.00");
	}

	@Test
	void whatStaysOfAPrintedDividerInAnSsnIsNoDigitWhereTheNetworkReadsNone() throws Exception {
		DigitDataset digits = mnist.test();
		// Scanned at 200 dpi in black and white: the divider's dots run together.
		WrittenPage written = new WrittenPage(200, true);
		double x = BOX.x() + 10;
		String ssn = "402713859";
		for (int i = 0; i < ssn.length(); i++) {
			x = written.digit(first(digits, ssn.charAt(i) - '0', 1), x, SIZE) + (i == 4 ? 3.5 : 2.5);
			if (i == 4) {
				// The divider between the group of two and of four, printed slightly aslant: erasing it as a
				// dotted line leaves a thin upright remnant.
				for (double y = BOX.y() + 1; y < BOX.bottom() - 1; y += 1.8) {
					double slant = 0.03 * (y - BOX.y());
					written.stroke(x + slant, y, x + slant + 0.06, y + 1.0, 0.9);
				}
				x += 3.5;
			}
		}
		FieldSpec field = new FieldSpec("ssn", "Your social security number", FieldKind.SSN, BOX, 0, 9,
				OptionalDouble.empty());

		SegmentedField byShape = byShape(written, field);
		SegmentedField judged = judged(written, field);

		// Ten glyphs for nine digits: by shape alone the remnant is joined to the 1 beside it.
		assertThat(byShape.read(cnn.recognizeCarefully(images(byShape)), false)).isNotEqualTo(ssn);
		assertThat(judged.read(cnn.recognizeCarefully(images(judged)), false)).isEqualTo(ssn);
	}

	@Test
	void aDashWrittenIntoTheDigitBeforeItIsTakenOffAsADash() throws Exception {
		DigitDataset digits = mnist.test();
		WrittenPage written = new WrittenPage(200, true);
		// "19-7654210", the dash starting inside the 9's tail: one blob, read as a 4.
		double x = write(written, digits, "1", BOX.x() + 10, SIZE);
		x = written.digit(first(digits, 9, 3), x, SIZE);
		written.stroke(x - 0.8, BOX.centerY() + 0.5, x + 4.5, BOX.centerY() + 0.5, 1.0);
		write(written, digits, "7654210", x + 7, SIZE);
		FieldSpec ein = new FieldSpec("ein", "Employer identification number (EIN)", FieldKind.NUMBER, BOX, 0, 9,
				OptionalDouble.empty());

		SegmentedField byShape = byShape(written, ein);
		SegmentedField judged = judged(written, ein);

		DigitPrediction withDash = cnn.recognizeCarefully(images(byShape)).get(1);
		assertThat(withDash.top().digit()).as("the 9 with the dash, read %s", withDash.top()).isNotEqualTo(9);
		assertThat(judged.read(cnn.recognizeCarefully(images(judged)), false)).isEqualTo("197654210");
	}

	@Test
	void aOneSlantingIntoTheDigitAfterItIsCutAlongAPath() throws Exception {
		DigitDataset digits = mnist.test();
		WrittenPage written = new WrittenPage();
		// "214", the 1 a pen stroke slanting down to the left, the 4 written into its columns: every column
		// between them crosses ink of both, so no straight cut parts them and the pair reads as no digit.
		double x = write(written, digits, "2", BOX.x() + 60, SIZE);
		double top = BOX.centerY() - SIZE / 2;
		written.stroke(x + 3, top + 0.3, x, top + SIZE - 0.3, 0.9);
		written.digit(first(digits, 4, 1), x + 2, SIZE);

		SegmentedField byShape = byShape(written, AMOUNT);
		SegmentedField judged = judged(written, AMOUNT);

		assertThat(byShape.writtenGlyphs()).hasSize(2);
		assertThat(judged.read(cnn.recognizeCarefully(images(judged)), false)).isEqualTo("214.00");
	}

	/** The field cut by its shape alone. */
	private SegmentedField byShape(WrittenPage written, FieldSpec field) {
		return segmenter.segmentByShape(written.page(), written.registration(), List.of(field)).get(0);
	}

	/** The field cut where the network judges the cuts. */
	private SegmentedField judged(WrittenPage written, FieldSpec field) throws Exception {
		return segmenter.segment(written.page(), written.registration(), List.of(field), cnn).get(0);
	}

	private static List<DigitImage> images(SegmentedField field) {
		return field.writtenGlyphs().stream().map(glyph -> glyph.image()).toList();
	}

	/** A white page at 300 dpi with the box printed, to write MNIST digits in. */
	private static final class WrittenPage {
		private final int dpi;
		private final boolean bilevel;
		private final BufferedImage image;
		private final Graphics2D g;

		WrittenPage() {
			this(DPI, false);
		}

		/** @param bilevel whether the scan keeps only black and white (a fax-like G4 scan) */
		WrittenPage(int dpi, boolean bilevel) {
			this.dpi = dpi;
			this.bilevel = bilevel;
			image = new BufferedImage((int) (200 * dpi / 72.0), (int) (60 * dpi / 72.0), BufferedImage.TYPE_BYTE_GRAY);
			g = image.createGraphics();
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.scale(dpi / 72.0, dpi / 72.0);
			g.setColor(Color.BLACK);
			g.setStroke(new BasicStroke(0.7f));
			g.draw(new Rectangle2D.Double(BOX.x(), BOX.y(), BOX.width(), BOX.height()));
		}

		/** An MNIST digit {@code size} points high with its ink's left edge at x; returns its right edge. */
		double digit(DigitImage digit, double x, double size) {
			int left = DigitImage.SIDE, right = -1, top = DigitImage.SIDE, bottom = -1;
			BufferedImage pen = new BufferedImage(DigitImage.SIDE, DigitImage.SIDE, BufferedImage.TYPE_INT_ARGB);
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
			AffineTransform at = new AffineTransform();
			at.translate(x - left * scale, BOX.centerY() - size / 2 - top * scale);
			at.scale(scale, scale);
			g.drawImage(pen, at, null);
			return x + (right - left + 1) * scale;
		}

		/** A written point on the baseline. */
		void point(double x, double baseline) {
			g.fill(new Ellipse2D.Double(x, baseline - 1.6, 1.6, 1.6));
		}

		/** A straight printed stroke {@code width} points wide. */
		void stroke(double x0, double y0, double x1, double y1, double width) {
			g.setStroke(new BasicStroke((float) width));
			g.draw(new Line2D.Double(x0, y0, x1, y1));
		}

		/** Registered where it was written: page points to pixels at its resolution. */
		Registration registration() {
			double scale = dpi / 72.0;
			return new Registration("written", new PageTransform(scale, 0, 0, 0, scale, 0), 0, 4);
		}

		RenderedPage page() {
			byte[] gray = new byte[image.getWidth() * image.getHeight()];
			image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), gray);
			for (int i = 0; bilevel && i < gray.length; i++) {
				gray[i] = (gray[i] & 0xFF) < 128 ? 0 : (byte) 255;
			}
			return new RenderedPage(Path.of("written.pdf"), 0, dpi, 200, 60,
					new GrayImage(image.getWidth(), image.getHeight(), gray), RenderMethod.RENDERED);
		}
	}

	/** The first test digits of each of {@code digits} from x on, 2.5 pt apart; returns where the next would go. */
	private static double write(WrittenPage page, DigitDataset set, String digits, double x, double size) {
		for (char digit : digits.toCharArray()) {
			x = page.digit(first(set, digit - '0', 0), x, size) + 2.5;
		}
		return x;
	}

	private static DigitImage first(DigitDataset set, int label, int skip) {
		for (int i = 0; i < set.size(); i++) {
			if (set.label(i) == label && skip-- == 0) {
				return set.image(i);
			}
		}
		throw new AssertionError("no " + label);
	}

	/** An upright 1 of the test set: its ink at most 4 pixels wide. */
	private static DigitImage uprightOne(DigitDataset set) {
		for (int i = 0; i < set.size(); i++) {
			if (set.label(i) == 1 && inkWidth(set.image(i)) <= 4) {
				return set.image(i);
			}
		}
		throw new AssertionError("no upright 1");
	}

	private static int inkWidth(DigitImage digit) {
		int left = DigitImage.SIDE, right = -1;
		for (int v = 0; v < DigitImage.SIDE; v++) {
			for (int u = 0; u < DigitImage.SIDE; u++) {
				if (digit.ink(u, v) > 40) {
					left = Math.min(left, u);
					right = Math.max(right, u);
				}
			}
		}
		return right - left + 1;
	}
}
