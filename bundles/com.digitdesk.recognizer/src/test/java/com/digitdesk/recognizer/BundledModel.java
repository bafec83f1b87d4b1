package com.digitdesk.recognizer;

import java.nio.file.Path;

import com.digitdesk.api.recognition.RecognitionException;

/** The model this bundle ships, as it lies in the sources. */
final class BundledModel {

	static final Path BASE = Path.of("src/main/resources/" + ModelFiles.BUNDLED);

	private BundledModel() {
	}

	static ModelFiles.Loaded load() throws RecognitionException {
		return ModelFiles.load(BASE);
	}
}
