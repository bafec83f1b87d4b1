package com.digitdesk.recognizer;

import java.nio.file.Path;

import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.recognizer.model.ModelFiles;

/** The models this bundle ships, as they lie in the sources. */
final class BundledModel {

	static final Path BASE = Path.of("src/main/resources/" + BundledModels.resource(BundledModels.DEFAULT_NAME));

	private BundledModel() {
	}

	static final Path SECOND = Path.of("src/main/resources/" + BundledModels.resource(BundledModels.SECOND_NAME));

	static ModelFiles.Loaded load() throws RecognitionException {
		return ModelFiles.load(BASE);
	}

	static ModelFiles.Loaded loadSecond() throws RecognitionException {
		return ModelFiles.load(SECOND);
	}
}
