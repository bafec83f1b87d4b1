package com.digitdesk.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes a JBIG2 scan without a JBIG2 encoder: a JBIG2 generic region may be
 * coded with MMR, which is CCITT Group 4, so PDFBox's G4 encoder provides the
 * region data and this class wraps it in the three segments of an embedded
 * JBIG2 stream (ITU T.88 7.2): page information, immediate lossless generic
 * region, end of page.
 */
final class Jbig2Pdf {

	private static final int PAGE_INFORMATION = 48;
	private static final int IMMEDIATE_LOSSLESS_GENERIC_REGION = 39;
	private static final int END_OF_PAGE = 49;

	private Jbig2Pdf() {
	}

	static Path write(Path file, BufferedImage binary) throws IOException {
		try (PDDocument document = new PDDocument()) {
			byte[] mmr;
			try (InputStream raw = CCITTFactory.createFromImage(document, binary).getCOSObject()
					.createRawInputStream()) {
				mmr = raw.readAllBytes();
			}
			int width = binary.getWidth();
			int height = binary.getHeight();
			ByteArrayOutputStream stream = new ByteArrayOutputStream();
			segment(stream, 0, PAGE_INFORMATION, ByteBuffer.allocate(19).putInt(width).putInt(height).putInt(0)
					.putInt(0).put((byte) 0).putShort((short) 0).array());
			ByteBuffer region = ByteBuffer.allocate(18 + mmr.length);
			region.putInt(width).putInt(height).putInt(0).putInt(0).put((byte) 0); // region information
			region.put((byte) 1); // generic region flags: MMR
			region.put(mmr);
			segment(stream, 1, IMMEDIATE_LOSSLESS_GENERIC_REGION, region.array());
			segment(stream, 2, END_OF_PAGE, new byte[0]);

			PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(stream.toByteArray()),
					COSName.JBIG2_DECODE, width, height, 1, PDDeviceGray.INSTANCE);
			PDPage page = new PDPage(PDRectangle.LETTER);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
			}
			document.save(file.toFile());
		}
		return file;
	}

	/** A segment header (number, type, no referred-to segments, page 1, data length) and its data. */
	private static void segment(ByteArrayOutputStream out, int number, int type, byte[] data) {
		ByteBuffer header = ByteBuffer.allocate(11);
		header.putInt(number).put((byte) type).put((byte) 0).put((byte) 1).putInt(data.length);
		out.writeBytes(header.array());
		out.writeBytes(data);
	}
}
