package com.digitdesk.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.spi.IIORegistry;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.jbig2.JBIG2ImageReaderSpi;

import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;

/**
 * Opens PDF files with PDFBox in this process; see {@link PdfBoxDocument} for
 * how pages become rasters. Nothing bounds what a file costs here but the
 * raster size: {@link WorkerRenderer} runs this inside worker processes.
 */
public class PdfBoxRenderer implements PageRenderer {

	/** PDF readers accept the header anywhere in the first kilobyte. */
	private static final int HEADER_WINDOW = 1024;

	private final RenderLimits limits;
	private final JBIG2ImageReaderSpi jbig2 = new JBIG2ImageReaderSpi();

	public PdfBoxRenderer(RendererConfiguration configuration) {
		this(RenderLimits.of(configuration));
	}

	/** @param maxMegapixels see {@link RendererConfiguration#maxMegapixels()} */
	public PdfBoxRenderer(int maxMegapixels, boolean tempFileBuffering) {
		this(new RenderLimits(maxMegapixels * 1_000_000L, tempFileBuffering));
	}

	PdfBoxRenderer(RenderLimits limits) {
		this.limits = limits;
		// PDFBox finds its JBIG2 decoder through ImageIO, whose plug-in lookup cannot see bundles.
		IIORegistry.getDefaultInstance().registerServiceProvider(jbig2);
	}

	/** Takes the JBIG2 decoder out of ImageIO again. */
	public void deactivate() {
		IIORegistry.getDefaultInstance().deregisterServiceProvider(jbig2);
	}

	@Override
	public PdfDocument open(Path pdf) throws DocumentException {
		if (!Files.isRegularFile(pdf)) {
			throw new DocumentException(pdf, Files.exists(pdf) ? "is not a file" : "does not exist", null);
		}
		checkHeader(pdf);
		PDDocument document;
		try {
			document = limits.tempFileBuffering()
					? Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())
					: Loader.loadPDF(pdf.toFile());
		} catch (InvalidPasswordException e) {
			throw new DocumentException(pdf, "is encrypted and cannot be opened without its password", e);
		} catch (IOException | RuntimeException e) {
			throw new DocumentException(pdf, "is damaged and cannot be read: " + Causes.of(e), e);
		}
		if (document.getNumberOfPages() < 1) {
			closeQuietly(document);
			throw new DocumentException(pdf, "has no pages", null);
		}
		return new PdfBoxDocument(pdf, document, limits);
	}

	private static void checkHeader(Path pdf) throws DocumentException {
		byte[] head;
		try (InputStream in = Files.newInputStream(pdf)) {
			head = in.readNBytes(HEADER_WINDOW);
		} catch (IOException e) {
			throw new DocumentException(pdf, "cannot be read: " + e.getMessage(), e);
		}
		if (head.length == 0) {
			throw new DocumentException(pdf, "is empty", null);
		}
		if (!new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
			throw new DocumentException(pdf, "is not a PDF file (no %PDF- header in its first kilobyte)", null);
		}
	}

	private static void closeQuietly(PDDocument document) {
		try {
			document.close();
		} catch (IOException e) {
			// Already failing; the first error is the one to report.
		}
	}
}
