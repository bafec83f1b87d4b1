package com.digitdesk.corpus.hostile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;

/**
 * Builds the bytes of the hostile files that need no real form: each method
 * one kind, small and deterministic.
 */
final class HostilePdfs {

	static final int LETTER_WIDTH = 612;
	static final int LETTER_HEIGHT = 792;
	/** A letter page at 300 dpi. */
	static final int SCAN_WIDTH = 2550;
	static final int SCAN_HEIGHT = 3300;

	private HostilePdfs() {
	}

	/** A catalog and a one-page tree around a page dictionary's other entries; returns the catalog. */
	private static int onePage(RawPdf pdf, String pageEntries) {
		int catalog = pdf.reserve();
		int pages = pdf.reserve();
		int page = pdf.add("<< /Type /Page /Parent " + pages + " 0 R " + pageEntries + " >>");
		pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
		pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
		return catalog;
	}

	private static String letter() {
		return "/MediaBox [0 0 " + LETTER_WIDTH + " " + LETTER_HEIGHT + "]";
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * A Type 3 font whose glyph fills with a tiling pattern whose cell shows
	 * that glyph again: every pattern cell needs the glyph, every glyph a
	 * pattern cell.
	 */
	static byte[] type3PatternRecursion() {
		RawPdf pdf = new RawPdf();
		int font = pdf.reserve();
		int pattern = pdf.addStream("<< /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10]"
				+ " /XStep 10 /YStep 10 /Resources << /Font << /F1 " + font + " 0 R >> >> >>",
				ascii("BT /F1 10 Tf 0 0 Td (a) Tj ET"));
		int glyph = pdf.addStream("<< >>", ascii("1000 0 d0 /Pattern cs /P1 scn 0 0 1000 1000 re f"));
		pdf.set(font, "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
				+ " /CharProcs << /a " + glyph + " 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >>"
				+ " /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << /Pattern << /P1 " + pattern
				+ " 0 R >> >> >>");
		int content = pdf.addStream("<< >>", ascii("BT /F1 200 Tf 100 300 Td (a) Tj ET"));
		return pdf.bytes(onePage(pdf, letter() + " /Contents " + content + " 0 R /Resources << /Font << /F1 " + font
				+ " 0 R >> >>"));
	}

	/**
	 * A letter page that is one JBIG2 image, said by the image dictionary to
	 * be a 300 dpi scan, whose JBIG2 page information declares a page of
	 * {@code pageWidth} x {@code pageHeight} pixels.
	 */
	static byte[] jbig2HugePage(long pageWidth, long pageHeight) throws IOException {
		BufferedImage region = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D g = region.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 64, 64);
		g.dispose();
		byte[] mmr = g4(region);
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		// ITU T.88 7.2: page information, immediate lossless generic region (MMR), end of page
		jbig2Segment(stream, 0, 48, ByteBuffer.allocate(19).putInt((int) pageWidth).putInt((int) pageHeight)
				.putInt(0).putInt(0).put((byte) 0).putShort((short) 0).array());
		ByteBuffer generic = ByteBuffer.allocate(18 + mmr.length);
		generic.putInt(64).putInt(64).putInt(0).putInt(0).put((byte) 0).put((byte) 1).put(mmr);
		jbig2Segment(stream, 1, 39, generic.array());
		jbig2Segment(stream, 2, 49, new byte[0]);
		return imagePage(SCAN_WIDTH, SCAN_HEIGHT, "/BitsPerComponent 1 /ColorSpace /DeviceGray /Filter /JBIG2Decode",
				stream.toByteArray(), LETTER_WIDTH, LETTER_HEIGHT);
	}

	private static void jbig2Segment(ByteArrayOutputStream out, int number, int type, byte[] data) {
		out.writeBytes(ByteBuffer.allocate(11).putInt(number).put((byte) type).put((byte) 0).put((byte) 1)
				.putInt(data.length).array());
		out.writeBytes(data);
	}

	/** A page whose only content stream inflates to {@code bytes} times the byte {@code value}. */
	static byte[] contentBomb(long bytes, byte value) {
		RawPdf pdf = new RawPdf();
		int content = pdf.addStream("<< /Filter /FlateDecode >>", RepeatedDeflate.of(value, bytes));
		return pdf.bytes(onePage(pdf, letter() + " /Contents " + content + " 0 R /Resources << >>"));
	}

	/** A letter page that is one 1-bit 300 dpi scan whose Flate data inflates to {@code bytes} bytes. */
	static byte[] imageBomb(long bytes) {
		return imagePage(SCAN_WIDTH, SCAN_HEIGHT, "/BitsPerComponent 1 /ColorSpace /DeviceGray /Filter /FlateDecode",
				RepeatedDeflate.of((byte) 0xFF, bytes), LETTER_WIDTH, LETTER_HEIGHT);
	}

	/** A page filled {@code fills} times over, each fill the whole page: cheap to store, slow to paint. */
	static byte[] manyFills(long fills) {
		RawPdf pdf = new RawPdf();
		byte[] fill = ascii("0 0 " + LETTER_WIDTH + " " + LETTER_HEIGHT + " re f\n");
		int content = pdf.addStream("<< /Filter /FlateDecode >>", RepeatedDeflate.repeated(fill, fills));
		return pdf.bytes(onePage(pdf, letter() + " /Contents " + content + " 0 R /Resources << >>"));
	}

	/** A valid document whose page tree has no pages. */
	static byte[] zeroPages() {
		RawPdf pdf = new RawPdf();
		int catalog = pdf.reserve();
		int pages = pdf.add("<< /Type /Pages /Kids [] /Count 0 >>");
		pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
		return pdf.bytes(catalog);
	}

	/** A page of {@code inches} x {@code inches} with a frame and a few lines on it. */
	static byte[] hugePage(int inches) {
		RawPdf pdf = new RawPdf();
		int side = inches * 72;
		int content = pdf.addStream("<< >>", ascii("10 w 36 36 " + (side - 72) + " " + (side - 72) + " re S 36 36 m "
				+ (side - 36) + " " + (side - 36) + " l S"));
		return pdf.bytes(onePage(pdf, "/MediaBox [0 0 " + side + " " + side + "] /Contents " + content
				+ " 0 R /Resources << >>"));
	}

	/**
	 * A page that is one white 1-bit image of {@code pixels} x {@code pixels}
	 * (Flate), placed on a page sized so that the image is a scan of
	 * {@code dpi}.
	 */
	static byte[] hugeImage(int pixels, int dpi) {
		int rowBytes = (pixels + 7) / 8;
		double side = pixels * 72.0 / dpi;
		byte[] data = RepeatedDeflate.of((byte) 0xFF, (long) rowBytes * pixels);
		return imagePage(pixels, pixels, "/BitsPerComponent 1 /ColorSpace /DeviceGray /Filter /FlateDecode", data,
				side, side);
	}

	/** A letter page that is one CCITT image of a synthetic form, with the given decode parameters and data. */
	static byte[] ccittPage(String decodeParms, byte[] data) {
		return imagePage(SCAN_WIDTH, SCAN_HEIGHT, "/BitsPerComponent 1 /ColorSpace /DeviceGray /Filter /CCITTFaxDecode"
				+ " /DecodeParms " + decodeParms, data, LETTER_WIDTH, LETTER_HEIGHT);
	}

	/** The CCITT Group 4 data of {@link #syntheticForm()}. */
	static byte[] syntheticFormG4() throws IOException {
		return g4(syntheticForm());
	}

	/** The decode parameters the Group 4 data of a scan of {@link #SCAN_WIDTH} x {@link #SCAN_HEIGHT} needs. */
	static String g4Parms() {
		return "<< /K -1 /Columns " + SCAN_WIDTH + " /Rows " + SCAN_HEIGHT + " /BlackIs1 false >>";
	}

	/** A JPEG image (JFIF) of a synthetic form, the kind of file a scanner writes when set to "photo". */
	static byte[] jpeg() throws IOException {
		BufferedImage gray = new BufferedImage(850, 1100, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = gray.createGraphics();
		g.drawImage(syntheticForm(), 0, 0, 850, 1100, null);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(gray, "jpeg", out)) {
			throw new IOException("this Java has no JPEG writer");
		}
		return out.toByteArray();
	}

	/** {@code length} bytes from a random generator of {@code seed}, without "%PDF-" by chance. */
	static byte[] randomBytes(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		if (text.contains("%PDF-")) {
			throw new IllegalStateException("seed " + seed + " draws a PDF header");
		}
		return bytes;
	}

	/** A bilevel letter page at 300 dpi with the boxes and rules of a form, drawn without fonts. */
	static BufferedImage syntheticForm() {
		BufferedImage image = new BufferedImage(SCAN_WIDTH, SCAN_HEIGHT, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, SCAN_WIDTH, SCAN_HEIGHT);
		g.setColor(Color.BLACK);
		g.fillRect(150, 150, SCAN_WIDTH - 300, 12);
		for (int row = 0; row < 12; row++) {
			int y = 400 + row * 220;
			g.fillRect(150, y, SCAN_WIDTH - 300, 4);
			for (int cell = 0; cell < 9; cell++) {
				g.drawRect(1300 + cell * 110, y + 60, 100, 130);
			}
		}
		g.dispose();
		return image;
	}

	private static byte[] g4(BufferedImage binary) throws IOException {
		try (PDDocument document = new PDDocument();
				InputStream raw = CCITTFactory.createFromImage(document, binary).getCOSObject().createRawInputStream()) {
			return raw.readAllBytes();
		}
	}

	/** A page that is exactly one image, drawn over the whole page. */
	private static byte[] imagePage(int width, int height, String imageEntries, byte[] data, double pageWidth,
			double pageHeight) {
		RawPdf pdf = new RawPdf();
		int image = pdf.addStream("<< /Type /XObject /Subtype /Image /Width " + width + " /Height " + height + " "
				+ imageEntries + " >>", data);
		String w = number(pageWidth);
		String h = number(pageHeight);
		int content = pdf.addStream("<< >>", ascii("q " + w + " 0 0 " + h + " 0 0 cm /Im1 Do Q"));
		return pdf.bytes(onePage(pdf, "/MediaBox [0 0 " + w + " " + h + "] /Contents " + content
				+ " 0 R /Resources << /XObject << /Im1 " + image + " 0 R >> >>"));
	}

	private static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value)
				: String.format(java.util.Locale.ROOT, "%.3f", value);
	}

	/** A page tree whose only kid is a node that lists the root again, before the one page. */
	static byte[] pageTreeLoop() {
		RawPdf pdf = new RawPdf();
		int catalog = pdf.reserve();
		int root = pdf.reserve();
		int inner = pdf.reserve();
		int page = pdf.add("<< /Type /Page /Parent " + inner + " 0 R " + letter() + " /Resources << >> >>");
		pdf.set(inner, "<< /Type /Pages /Parent " + root + " 0 R /Kids [" + root + " 0 R " + page + " 0 R] /Count 1 >>");
		pdf.set(root, "<< /Type /Pages /Kids [" + inner + " 0 R] /Count 1 >>");
		pdf.set(catalog, "<< /Type /Catalog /Pages " + root + " 0 R >>");
		return pdf.bytes(catalog);
	}

	/**
	 * A form page (the scan drawn over it) that also draws a form XObject
	 * which draws itself, each time at half the size.
	 */
	static byte[] formDrawsItself(FormScan scan) {
		RawPdf pdf = new RawPdf();
		int image = scan.addTo(pdf);
		int form = pdf.reserve();
		pdf.setStream(form, "<< /Type /XObject /Subtype /Form /BBox [0 0 " + LETTER_WIDTH + " " + LETTER_HEIGHT
				+ "] /Resources << /XObject << /Fm1 " + form + " 0 R >> >> >>",
				ascii("0 0 m 20 20 l S q 0.5 0 0 0.5 0 0 cm /Fm1 Do Q"));
		int content = pdf.addStream("<< >>", ascii(scan.drawing() + " /Fm1 Do"));
		return pdf.bytes(onePage(pdf, scan.mediaBox() + " /Contents " + content + " 0 R /Resources << /XObject << /Im1 "
				+ image + " 0 R /Fm1 " + form + " 0 R >> >>"));
	}

	/**
	 * A form page under a page tree node that is its own parent; the page
	 * inherits its media box and resources, and whatever it lacks (crop box,
	 * rotation) is looked up by climbing the parents.
	 */
	static byte[] ownParent(FormScan scan) {
		RawPdf pdf = new RawPdf();
		int catalog = pdf.reserve();
		int pages = pdf.reserve();
		int image = scan.addTo(pdf);
		int content = pdf.addStream("<< >>", ascii(scan.drawing()));
		int page = pdf.add("<< /Type /Page /Parent " + pages + " 0 R /Contents " + content + " 0 R >>");
		pdf.set(pages, "<< /Type /Pages /Parent " + pages + " 0 R /Kids [" + page + " 0 R] /Count 1 "
				+ scan.mediaBox() + " /Resources << /XObject << /Im1 " + image + " 0 R >> >> >>");
		pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
		return pdf.bytes(catalog);
	}

	/**
	 * A form page whose rotation, crop box and annotations are an object
	 * whose value is a reference to itself.
	 */
	static byte[] selfReference(FormScan scan) {
		RawPdf pdf = new RawPdf();
		int loop = pdf.reserve();
		pdf.set(loop, loop + " 0 R");
		int image = scan.addTo(pdf);
		int content = pdf.addStream("<< >>", ascii(scan.drawing()));
		return pdf.bytes(onePage(pdf, scan.mediaBox() + " /Rotate " + loop + " 0 R /CropBox " + loop + " 0 R /Annots "
				+ loop + " 0 R /Contents " + content + " 0 R /Resources << /XObject << /Im1 " + image + " 0 R >> >>"));
	}

	/** The first {@code length} bytes. */
	static byte[] cut(byte[] data, int length) {
		return Arrays.copyOf(data, length);
	}
}
