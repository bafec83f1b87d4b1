package com.digitdesk.corpus.hostile;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

import javax.imageio.spi.IIORegistry;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.jbig2.JBIG2ImageReaderSpi;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads a file with plain PDFBox the way the renderer does, in a JVM of its
 * own (a stack overflow, an exhausted heap or an endless render must not
 * touch the test's JVM): opens it, takes its first page, decodes the page's
 * image when the page has exactly one, and renders it at 300 dpi in gray.
 * Prints a line per stage reached ("STAGE load", ...), facts ("pages 1",
 * "image-bytes 702900 of 1052700"), and last "OK" or "FAILED stage
 * ThrowableClass: message".
 */
public final class PdfBoxProbe {

	public static void main(String[] arguments) {
		PrintStream out = System.out;
		IIORegistry.getDefaultInstance().registerServiceProvider(new JBIG2ImageReaderSpi());
		String stage = "load";
		try {
			out.println("STAGE load");
			try (PDDocument document = Loader.loadPDF(new File(arguments[0]))) {
				stage = "page";
				out.println("STAGE page");
				out.println("pages " + document.getNumberOfPages());
				PDPage page = document.getPage(0);
				PDImageXObject image = onlyImage(page);
				if (image != null) {
					stage = "image";
					out.println("STAGE image");
					long expected = (long) (image.getWidth() * image.getBitsPerComponent() + 7) / 8 * image.getHeight();
					long decoded;
					try (InputStream in = image.createInputStream()) {
						decoded = in.transferTo(OutputStream.nullOutputStream());
					}
					out.println("image-bytes " + decoded + " of " + expected);
					image.getImage();
				}
				stage = "render";
				out.println("STAGE render");
				new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);
			}
			out.println("OK");
		} catch (Throwable e) {
			// The one line the test reads; the stack is of no use there, and a
			// stack overflow's would be thousands of lines.
			String message = String.valueOf(e.getMessage()).replace('\n', ' ');
			out.println("FAILED " + stage + " " + e.getClass().getName() + ": "
					+ message.substring(0, Math.min(200, message.length())));
		}
		out.flush();
		System.exit(0);
	}

	private static PDImageXObject onlyImage(PDPage page) throws Exception {
		PDImageXObject only = null;
		int images = 0;
		for (COSName name : page.getResources().getXObjectNames()) {
			PDXObject object = page.getResources().getXObject(name);
			if (object instanceof PDImageXObject image) {
				only = image;
				images++;
			}
		}
		return images == 1 ? only : null;
	}
}
