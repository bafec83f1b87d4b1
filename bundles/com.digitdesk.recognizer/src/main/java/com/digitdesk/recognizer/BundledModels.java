package com.digitdesk.recognizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.recognizer.model.ModelFiles;

/** The models shipped inside this bundle, unpacked to a directory to be read like any other. */
final class BundledModels {

	static final String DEFAULT_NAME = "digit-cnn";
	/** The second model, asked about the glyphs the first is unsure of. */
	static final String SECOND_NAME = "digit-cnn-second";

	private BundledModels() {
	}

	/** Where the model {@code name} lies among this bundle's resources, without extension. */
	static String resource(String name) {
		return "model/" + name;
	}

	/** Copies the model {@code name} shipped in this bundle to {@code directory} and loads it from there. */
	static ModelFiles.Loaded load(Path directory, String name) throws RecognitionException {
		try {
			Files.createDirectories(directory);
			Path base = directory.resolve(name);
			ClassLoader loader = BundledModels.class.getClassLoader();
			ModelFiles.unpack(loader, resource(name) + ".sd", ModelFiles.graphFile(base));
			ModelFiles.unpack(loader, resource(name) + ".json", ModelFiles.cardFile(base));
			return ModelFiles.load(base);
		} catch (IOException e) {
			throw new RecognitionException("cannot unpack the bundled model into " + directory + ": " + e.getMessage(),
					e);
		}
	}
}
