package com.digitdesk.tesseract;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

import com.digitdesk.api.recognition.RecognitionException;
import com.sun.jna.Pointer;

/**
 * One Tesseract engine (a native TessBaseAPI handle) set up to read a single
 * digit per image, or a block of printed text. Tesseract keeps the current
 * image and its results in the handle, so an engine must be used by one
 * thread at a time.
 */
final class TesseractEngine implements AutoCloseable {

	/** What Tesseract read in one image; confidence 0..100, 0 when it read nothing. */
	record Reading(String text, float confidence) {

		static final Reading NOTHING = new Reading("", 0);
	}

	// A glyph image has no resolution, and Tesseract estimates one (with a
	// warning) when it is not told; the value made no difference to what it read.
	private static final int DPI = 300;

	private final TesseractLibrary tess;
	private final Pointer api;
	private ByteBuffer pixels = ByteBuffer.allocateDirect(0);

	private TesseractEngine(TesseractLibrary tess, Pointer api) {
		this.tess = tess;
		this.api = api;
	}

	/** Loads the language model, which takes far longer than reading a digit: engines are reused. */
	static TesseractEngine open(TesseractLibrary tess, Path dataPath, String language) throws RecognitionException {
		TesseractEngine engine = load(tess, dataPath, language);
		tess.TessBaseAPISetPageSegMode(engine.api, TesseractLibrary.PSM_SINGLE_CHAR);
		tess.TessBaseAPISetVariable(engine.api, "tessedit_char_whitelist", "0123456789");
		return engine;
	}

	/** An engine that reads a block of printed text (a form's label), any characters. */
	static TesseractEngine openForText(TesseractLibrary tess, Path dataPath, String language) throws RecognitionException {
		TesseractEngine engine = load(tess, dataPath, language);
		tess.TessBaseAPISetPageSegMode(engine.api, TesseractLibrary.PSM_SINGLE_BLOCK);
		return engine;
	}

	private static TesseractEngine load(TesseractLibrary tess, Path dataPath, String language) throws RecognitionException {
		Pointer api = tess.TessBaseAPICreate();
		// LSTM only: the legacy engine adapts to what it has read before, so the
		// same glyph could read differently on different engines.
		if (tess.TessBaseAPIInit2(api, dataPath.toString(), language, TesseractLibrary.OEM_LSTM_ONLY) != 0) {
			tess.TessBaseAPIDelete(api);
			throw new RecognitionException("Tesseract cannot load language '" + language + "' from " + dataPath
					+ " (is it an LSTM model of Tesseract 4 or later?)", null);
		}
		// Tesseract prints notes such as "Empty page!!" to standard error, which
		// carries the runtime's log: send them nowhere.
		tess.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
		return new TesseractEngine(tess, api);
	}

	/**
	 * Reads one character from a page of dark ink on white paper.
	 *
	 * @param page a {@link BufferedImage#TYPE_BYTE_GRAY} image
	 */
	Reading read(BufferedImage page) {
		return recognize(page, DPI, this::symbols);
	}

	/** Reads the printed text of a page of dark print on white paper, lines separated by newlines. */
	String readText(BufferedImage page, int dpi) {
		return recognize(page, dpi, this::text).text();
	}

	private Reading recognize(BufferedImage page, int dpi, Supplier<Reading> result) {
		if (page.getType() != BufferedImage.TYPE_BYTE_GRAY) {
			throw new IllegalArgumentException("Tesseract pages are TYPE_BYTE_GRAY, got type " + page.getType());
		}
		int width = page.getWidth();
		int height = page.getHeight();
		byte[] gray = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
		if (pixels.capacity() < gray.length) {
			pixels = ByteBuffer.allocateDirect(gray.length);
		}
		pixels.clear();
		pixels.put(gray, 0, width * height).flip();
		tess.TessBaseAPISetImage(api, pixels, width, height, 1, width);
		tess.TessBaseAPISetSourceResolution(api, dpi);
		try {
			if (tess.TessBaseAPIRecognize(api, null) != 0) {
				return Reading.NOTHING;
			}
			return result.get();
		} finally {
			tess.TessBaseAPIClear(api);
		}
	}

	/** The whole text read, with no confidence. */
	private Reading text() {
		Pointer text = tess.TessBaseAPIGetUTF8Text(api);
		if (text == null) {
			return Reading.NOTHING;
		}
		try {
			return new Reading(text.getString(0, StandardCharsets.UTF_8.name()), 0);
		} finally {
			tess.TessDeleteText(text);
		}
	}

	/** All symbols read, with their mean confidence (one symbol in single-character mode). */
	private Reading symbols() {
		Pointer symbols = tess.TessBaseAPIGetIterator(api);
		if (symbols == null) {
			return Reading.NOTHING;
		}
		StringBuilder text = new StringBuilder();
		float confidence = 0;
		int count = 0;
		try {
			do {
				Pointer symbol = tess.TessResultIteratorGetUTF8Text(symbols, TesseractLibrary.RIL_SYMBOL);
				if (symbol == null) {
					continue;
				}
				try {
					text.append(symbol.getString(0, StandardCharsets.UTF_8.name()));
				} finally {
					tess.TessDeleteText(symbol);
				}
				confidence += tess.TessResultIteratorConfidence(symbols, TesseractLibrary.RIL_SYMBOL);
				count++;
			} while (tess.TessResultIteratorNext(symbols, TesseractLibrary.RIL_SYMBOL) == TesseractLibrary.TRUE);
		} finally {
			tess.TessResultIteratorDelete(symbols);
		}
		return count == 0 ? Reading.NOTHING : new Reading(text.toString(), confidence / count);
	}

	@Override
	public void close() {
		tess.TessBaseAPIEnd(api);
		tess.TessBaseAPIDelete(api);
	}
}
