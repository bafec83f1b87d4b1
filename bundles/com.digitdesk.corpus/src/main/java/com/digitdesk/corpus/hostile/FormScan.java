package com.digitdesk.corpus.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The scan image of a form's first page as it is stored (dictionary and
 * still-encoded data), to be put into hand-written files so that their
 * page is a real, readable form.
 */
record FormScan(String dictionary, byte[] data, float pageWidth, float pageHeight) {

	static FormScan of(byte[] formPdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(formPdf)) {
			PDPage page = document.getPage(0);
			PDResources resources = page.getResources();
			for (COSName name : resources.getXObjectNames()) {
				COSBase object = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).getDictionaryObject(name);
				if (object instanceof COSStream stream && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
					StringBuilder dictionary = new StringBuilder("<<");
					for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
						if (!COSName.LENGTH.equals(entry.getKey())) {
							dictionary.append(' ').append(text(entry.getKey())).append(' ')
									.append(text(stream.getDictionaryObject(entry.getKey())));
						}
					}
					byte[] data;
					try (InputStream raw = stream.createRawInputStream()) {
						data = raw.readAllBytes();
					}
					return new FormScan(dictionary.append(" >>").toString(), data, page.getMediaBox().getWidth(),
							page.getMediaBox().getHeight());
				}
			}
		}
		throw new IOException("the form's first page has no image");
	}

	/** Adds the image to {@code pdf}; returns its object number. */
	int addTo(RawPdf pdf) {
		return pdf.addStream(dictionary, data);
	}

	/** The content that draws the image, named /Im1, over the whole page. */
	String drawing() {
		return String.format(Locale.ROOT, "q %.3f 0 0 %.3f 0 0 cm /Im1 Do Q", pageWidth, pageHeight);
	}

	String mediaBox() {
		return String.format(Locale.ROOT, "/MediaBox [0 0 %.3f %.3f]", pageWidth, pageHeight);
	}

	/** Direct objects as PDF text: what an image dictionary holds. */
	private static String text(COSBase object) throws IOException {
		if (object instanceof COSName name) {
			return "/" + name.getName();
		}
		if (object instanceof COSInteger integer) {
			return Long.toString(integer.longValue());
		}
		if (object instanceof COSFloat real) {
			return String.format(Locale.ROOT, "%.6f", real.floatValue());
		}
		if (object instanceof COSBoolean bool) {
			return Boolean.toString(bool.getValue());
		}
		if (object == null || object instanceof COSNull) {
			return "null";
		}
		if (object instanceof COSArray array) {
			StringBuilder text = new StringBuilder("[");
			for (int i = 0; i < array.size(); i++) {
				text.append(i == 0 ? "" : " ").append(text(array.getObject(i)));
			}
			return text.append(']').toString();
		}
		if (object instanceof COSDictionary dictionary && !(object instanceof COSStream)) {
			StringBuilder text = new StringBuilder("<<");
			for (COSName key : dictionary.keySet()) {
				text.append(' ').append(text(key)).append(' ').append(text(dictionary.getDictionaryObject(key)));
			}
			return text.append(" >>").toString();
		}
		throw new IOException("the scan image's dictionary holds " + object.getClass().getSimpleName()
				+ ", which is not copied");
	}
}
