package com.digitdesk.tesseract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.digitdesk.api.recognition.RecognitionException;
import com.sun.jna.NativeLibrary;

/**
 * What Tesseract needs on this machine: the language data and libtesseract.
 * Checked before the first engine is made, so that a missing piece is named
 * together with the package that provides it, instead of surfacing as a
 * native crash or JNA's list of searched folders.
 *
 * <p>The mapping of the C API is loaded here for the components that read with it and held by them only: once
 * they are gone, JNA lets the native library go (see {@link TesseractLibrary}).
 *
 * @param version libtesseract's version, e.g. 5.3.0
 * @param library the native library JNA loaded, its file where JNA knows it
 * @param models the language model files, one per language
 * @param api the mapping of Tesseract's C API to call it with
 */
record TesseractInstallation(String version, String library, List<Path> models, TesseractLibrary api) {

	private static final String INSTALL_LIBRARY = "apt-get install -y tesseract-ocr";

	static TesseractInstallation check(Path dataPath, String language) throws RecognitionException {
		List<Path> models = findModels(dataPath, language);
		String library = loadLibrary();
		TesseractLibrary api = TesseractLibrary.load();
		return new TesseractInstallation(versionOf(api, library), library, models, api);
	}

	/** The SHA-256 of the language model files, in order: which model reads the digits. */
	String modelSha256() throws RecognitionException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (Path model : models) {
				try (InputStream in = Files.newInputStream(model)) {
					for (int n; (n = in.read(buffer)) > 0;) {
						digest.update(buffer, 0, n);
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (IOException | NoSuchAlgorithmException e) {
			throw new RecognitionException("cannot read the Tesseract language data " + models + ": " + e, e);
		}
	}

	private static List<Path> findModels(Path dataPath, String language) throws RecognitionException {
		Path folder = dataPath.toAbsolutePath().normalize();
		if (!Files.isDirectory(folder)) {
			throw new RecognitionException("the Tesseract language data folder " + folder + " does not exist"
					+ " (install it with 'apt-get install -y tesseract-ocr tesseract-ocr-eng', or set dataPath"
					+ " of configuration " + TesseractConfiguration.PID + ")", null);
		}
		if (language.isBlank()) {
			throw new RecognitionException("no Tesseract language is configured (language of configuration "
					+ TesseractConfiguration.PID + ", e.g. eng)", null);
		}
		List<Path> models = new ArrayList<>();
		for (String name : language.strip().split("\\+")) {
			Path model = folder.resolve(name + ".traineddata");
			if (!Files.isRegularFile(model)) {
				throw new RecognitionException("the Tesseract language model " + model + " does not exist (install it"
						+ " with 'apt-get install -y tesseract-ocr-" + name + "', or set dataPath/language of"
						+ " configuration " + TesseractConfiguration.PID + ")", null);
			}
			models.add(model);
		}
		return models;
	}

	private static String loadLibrary() throws RecognitionException {
		try {
			NativeLibrary library = NativeLibrary.getInstance(TesseractLibrary.NAME);
			return library.getFile() != null ? library.getFile().getPath() : library.getName();
		} catch (UnsatisfiedLinkError e) {
			// JNA's message lists every place it searched: kept in the cause.
			throw new RecognitionException("the Tesseract library (libtesseract.so.5) was not found on this machine;"
					+ " install it with '" + INSTALL_LIBRARY + "'", e);
		}
	}

	/** The first call into the mapping, which binds it. */
	private static String versionOf(TesseractLibrary api, String library) throws RecognitionException {
		try {
			return api.TessVersion();
		} catch (LinkageError e) {
			throw new RecognitionException(library + " cannot be used as the Tesseract library (install"
					+ " libtesseract 5 with '" + INSTALL_LIBRARY + "'): " + firstLine(String.valueOf(e.getMessage())), e);
		}
	}

	private static String firstLine(String message) {
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}
}
