package com.digitdesk.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Real PDF files for the tests, written with PDFBox: scans, vector pages and broken files. */
final class TestPdfs {

	enum Compression {
		G4, JPEG, FLATE
	}

	private TestPdfs() {
	}

	/** A letter-size "scan" at {@code dpi}: black bars and noise on white, 1-bit for G4. */
	static BufferedImage scanImage(int dpi, boolean binary) {
		int width = (int) Math.round(8.5 * dpi);
		int height = 11 * dpi;
		BufferedImage image = new BufferedImage(width, height,
				binary ? BufferedImage.TYPE_BYTE_BINARY : BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.fillRect(dpi / 2, dpi / 2, dpi / 4, dpi / 4);
		g.fillRect(width / 3, height / 2, width / 3, dpi / 20);
		Random random = new Random(7);
		for (int i = 0; i < 2000; i++) {
			image.getRaster().setSample(random.nextInt(width), random.nextInt(height), 0, 0);
		}
		g.dispose();
		return image;
	}

	static Path scannedPdf(Path file, BufferedImage scan, Compression compression) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.LETTER);
			document.addPage(page);
			PDImageXObject image = switch (compression) {
			case G4 -> CCITTFactory.createFromImage(document, scan);
			case JPEG -> JPEGFactory.createFromImage(document, scan, 0.9f);
			case FLATE -> LosslessFactory.createFromImage(document, scan);
			};
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
			}
			document.save(file.toFile());
		}
		return file;
	}

	/** A page drawn with vector graphics and text: must be rendered. */
	static Path vectorPdf(Path file, PDRectangle size) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(size);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.addRect(72, 72, 144, 72);
				content.fill();
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 24);
				content.newLineAtOffset(72, 300);
				content.showText("Form 1040");
				content.endText();
			}
			document.save(file.toFile());
		}
		return file;
	}

	static Path encryptedPdf(Path file) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.LETTER));
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(file.toFile());
		}
		return file;
	}

	static Path emptyPdf(Path file) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.save(file.toFile());
		}
		return file;
	}

	static Path truncated(Path source, Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(source);
		Files.write(file, Arrays.copyOf(bytes, bytes.length / 3));
		return file;
	}
}
