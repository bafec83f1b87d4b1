package com.digitdesk.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes scanned pages as an image-only PDF, the way scanners do: one image covering each page. */
final class ScanPdfWriter {

	record ScannedPage(BufferedImage image, ScanSettings settings, double widthPoints, double heightPoints) {
	}

	private ScanPdfWriter() {
	}

	/**
	 * Writes atomically: the file appears whole or not at all.
	 *
	 * @param documentId seeds the file identifier in the trailer (PDFBox
	 *        draws it at random otherwise), so that a seed gives the same bytes
	 */
	static void write(Path file, List<ScannedPage> pages, long documentId) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		try (PDDocument document = new PDDocument()) {
			document.setDocumentId(documentId);
			for (ScannedPage scanned : pages) {
				PDRectangle size = new PDRectangle((float) scanned.widthPoints(), (float) scanned.heightPoints());
				PDPage page = new PDPage(size);
				document.addPage(page);
				PDImageXObject image = switch (scanned.settings().compression()) {
				case G4 -> CCITTFactory.createFromImage(document, scanned.image());
				case JPEG -> JPEGFactory.createFromImage(document, scanned.image(), scanned.settings().jpegQuality());
				case FLATE -> LosslessFactory.createFromImage(document, scanned.image());
				};
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.drawImage(image, 0, 0, size.getWidth(), size.getHeight());
				}
			}
			document.save(PrivateFiles.emptyFile(partial).toFile());
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
