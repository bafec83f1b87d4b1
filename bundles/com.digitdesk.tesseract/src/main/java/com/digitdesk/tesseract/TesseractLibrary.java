package com.digitdesk.tesseract;

import java.nio.ByteBuffer;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The functions of libtesseract's C API ({@code tesseract/capi.h}) that DigitDesk calls, mapped by JNA.
 * Handles ({@code TessBaseAPI*}, {@code TessResultIterator*}) and the texts Tesseract allocates are plain
 * pointers; enums are ints.
 *
 * <p>A mapping of our own, loaded by whoever reads with it and held by them: Tess4J's {@code TessAPI} keeps
 * its library in a static field that the JDK initializes with every proxy of the interface, so its native
 * library (and JNA's cleaner thread with it) could never be let go, and neither could this bundle's class
 * loader after an update or uninstall. This interface has no fields but constants.
 */
interface TesseractLibrary extends Library {

	/** The library's name as JNA looks it up (libtesseract.so, or the versioned libtesseract.so.5). */
	String NAME = "tesseract";

	int PSM_SINGLE_BLOCK = 6;
	int PSM_SINGLE_CHAR = 10;
	int OEM_LSTM_ONLY = 1;
	int RIL_SYMBOL = 4;
	int TRUE = 1;

	/** Maps libtesseract, which JNA has loaded or loads now. */
	static TesseractLibrary load() {
		return Native.load(NAME, TesseractLibrary.class);
	}

	String TessVersion();

	Pointer TessBaseAPICreate();

	int TessBaseAPIInit2(Pointer api, String dataPath, String language, int engineMode);

	void TessBaseAPIEnd(Pointer api);

	void TessBaseAPIDelete(Pointer api);

	int TessBaseAPISetVariable(Pointer api, String name, String value);

	void TessBaseAPISetPageSegMode(Pointer api, int mode);

	void TessBaseAPISetImage(Pointer api, ByteBuffer pixels, int width, int height, int bytesPerPixel, int bytesPerLine);

	void TessBaseAPISetSourceResolution(Pointer api, int ppi);

	int TessBaseAPIRecognize(Pointer api, Pointer monitor);

	void TessBaseAPIClear(Pointer api);

	Pointer TessBaseAPIGetUTF8Text(Pointer api);

	Pointer TessBaseAPIGetIterator(Pointer api);

	Pointer TessResultIteratorGetUTF8Text(Pointer iterator, int level);

	float TessResultIteratorConfidence(Pointer iterator, int level);

	int TessResultIteratorNext(Pointer iterator, int level);

	void TessResultIteratorDelete(Pointer iterator);

	void TessDeleteText(Pointer text);
}
