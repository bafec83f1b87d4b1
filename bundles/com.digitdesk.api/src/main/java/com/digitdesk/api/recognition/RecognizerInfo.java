package com.digitdesk.api.recognition;

import java.util.Objects;

/**
 * Identifies a recognizer and its model.
 *
 * @param name e.g. {@code cnn} or {@code tesseract}
 * @param modelId a stable identifier of the model, e.g. its SHA-256
 * @param description for people: architecture, training data, engine version
 */
public record RecognizerInfo(String name, String modelId, String description) {

	public RecognizerInfo {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(modelId, "modelId");
		Objects.requireNonNull(description, "description");
	}
}
