package com.digitdesk.render;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;

/** One opened PDF file; used by one thread at a time, as PDFBox documents must be. */
final class PdfBoxDocument implements PdfDocument {

	/** Scans below this resolution are rendered rather than trusted as they are. */
	private static final int MIN_SCAN_DPI = 50;

	/*
	 * Speed over beauty: default interpolation makes PDFBox resample images
	 * bicubically, several times slower at 200 dpi, for no gain on scans.
	 */
	private static final RenderingHints FAST = new RenderingHints(Map.of(RenderingHints.KEY_RENDERING,
			RenderingHints.VALUE_RENDER_SPEED, RenderingHints.KEY_INTERPOLATION,
			RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR, RenderingHints.KEY_ANTIALIASING,
			RenderingHints.VALUE_ANTIALIAS_ON));

	private final Path file;
	private final PDDocument document;
	private final RenderLimits limits;
	private PDFRenderer renderer;

	PdfBoxDocument(Path file, PDDocument document, RenderLimits limits) {
		this.file = file;
		this.document = document;
		this.limits = limits;
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public int pageCount() {
		return document.getNumberOfPages();
	}

	@Override
	public RenderedPage render(int pageIndex, int dpi) throws DocumentException {
		PDPage page = page(pageIndex);
		checkDpi(pageIndex, dpi);
		double[] size = pageSize(page);
		String tooBig = limits.check(size[0] * dpi / 72, size[1] * dpi / 72,
				String.format("the page (%.0f x %.0f points) at %d dpi", size[0], size[1], dpi));
		if (tooBig != null) {
			throw new DocumentException(file, pageIndex, tooBig, null);
		}
		try {
			BufferedImage image = renderer().renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
			return new RenderedPage(file, pageIndex, dpi, size[0], size[1], GrayRasters.toGray(image),
					RenderMethod.RENDERED);
		} catch (IOException | RuntimeException e) {
			throw new DocumentException(file, pageIndex, "cannot be rendered: " + Causes.of(e), e);
		}
	}

	@Override
	public RenderedPage scan(int pageIndex, int fallbackDpi) throws DocumentException {
		PDPage page = page(pageIndex);
		checkDpi(pageIndex, fallbackDpi);
		Optional<PDImageXObject> scan;
		try {
			scan = ScanImageFinder.find(page);
		} catch (IOException | RuntimeException e) {
			throw new DocumentException(file, pageIndex, "has damaged content: " + Causes.of(e), e);
		}
		if (scan.isEmpty()) {
			return render(pageIndex, fallbackDpi);
		}
		PDImageXObject image = scan.get();
		double[] size = pageSize(page);
		double dpi = image.getWidth() * 72.0 / size[0];
		double dpiY = image.getHeight() * 72.0 / size[1];
		if (dpi < MIN_SCAN_DPI || dpi > PageRenderer.MAX_DPI || Math.abs(dpi - dpiY) > dpi * 0.01) {
			return render(pageIndex, fallbackDpi);
		}
		String tooBig = limits.check(image.getWidth(), image.getHeight(), "the page's scan image");
		if (tooBig != null) {
			throw new DocumentException(file, pageIndex, tooBig, null);
		}
		try {
			GrayImage gray = isPlainGray(image) ? decodedSamples(image) : GrayRasters.toGray(image.getImage());
			return new RenderedPage(file, pageIndex, (int) Math.round(dpi), size[0], size[1], gray,
					RenderMethod.EMBEDDED_IMAGE);
		} catch (IOException | RuntimeException e) {
			throw new DocumentException(file, pageIndex,
					"its scan image (" + image.getSuffix() + ") cannot be decoded: " + Causes.of(e), e);
		}
	}

	/*
	 * DeviceGray samples (8-bit, or 1-bit as G4 and JBIG2 scans are) are the
	 * gray values themselves: the decoded stream is the raster. PDFBox's
	 * getImage() would convert them to RGB and back, which costs more than
	 * decoding (about 120 ms of a 300 dpi gray page).
	 */
	private static boolean isPlainGray(PDImageXObject image) throws IOException {
		int bits = image.getBitsPerComponent();
		return (bits == 8 || bits == 1) && image.getColorSpace() instanceof PDDeviceGray && image.getDecode() == null;
	}

	/** The decoded samples as gray: 8-bit as they are, 1-bit (rows padded to whole bytes) as 0 or 255. */
	private static GrayImage decodedSamples(PDImageXObject image) throws IOException {
		int width = image.getWidth();
		int height = image.getHeight();
		boolean bilevel = image.getBitsPerComponent() == 1;
		int rowBytes = bilevel ? (width + 7) / 8 : width;
		byte[] samples;
		try (InputStream in = image.createInputStream()) {
			samples = in.readNBytes(rowBytes * height);
		}
		if (samples.length < rowBytes * height) {
			throw new IOException("the image data ends after " + samples.length + " of " + rowBytes * height + " bytes");
		}
		if (!bilevel) {
			return new GrayImage(width, height, samples);
		}
		byte[] gray = new byte[width * height];
		for (int y = 0; y < height; y++) {
			int row = y * rowBytes;
			int offset = y * width;
			for (int x = 0; x < width; x++) {
				gray[offset + x] = (samples[row + (x >> 3)] & (0x80 >> (x & 7))) != 0 ? (byte) 255 : 0;
			}
		}
		return new GrayImage(width, height, gray);
	}

	@Override
	public void close() throws DocumentException {
		try {
			document.close();
		} catch (IOException e) {
			throw new DocumentException(file, "cannot be closed: " + e.getMessage(), e);
		}
	}

	private PDPage page(int pageIndex) throws DocumentException {
		if (pageIndex < 0 || pageIndex >= pageCount()) {
			throw new DocumentException(file, "has no page " + (pageIndex + 1) + " (it has " + pageCount() + ")",
					null);
		}
		try {
			return document.getPage(pageIndex);
		} catch (RuntimeException e) {
			throw new DocumentException(file, pageIndex, "is damaged: " + e.getMessage(), e);
		}
	}

	private void checkDpi(int pageIndex, int dpi) throws DocumentException {
		if (dpi < 1 || dpi > PageRenderer.MAX_DPI) {
			throw new DocumentException(file, pageIndex,
					"resolution " + dpi + " dpi is outside 1.." + PageRenderer.MAX_DPI, null);
		}
	}

	/** Width and height in points as the page is shown (rotation applied). */
	private static double[] pageSize(PDPage page) {
		PDRectangle box = page.getCropBox();
		boolean sideways = page.getRotation() % 180 != 0;
		return sideways ? new double[] { box.getHeight(), box.getWidth() }
				: new double[] { box.getWidth(), box.getHeight() };
	}

	private PDFRenderer renderer() {
		if (renderer == null) {
			renderer = new PDFRenderer(document);
			renderer.setRenderingHints(FAST);
			renderer.setSubsamplingAllowed(true);
		}
		return renderer;
	}
}
