package com.digitdesk.api.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recognizer model kept with the store, so that every workstation sharing
 * the store shares it.
 *
 * @param version its name in the store ({@code v1}, {@code v2}, ...)
 * @param state current, candidate or retired
 * @param parent the version it was trained on from; empty for a first model
 * @param sha256 of its graph file, checked whenever the graph is read
 * @param card its model card (JSON, as training writes it)
 * @param figures its shadow evaluation (JSON; {@code {}} when it has none)
 * @param note why it stands where it stands (e.g. why a candidate was not promoted)
 * @param createdAt when it was added
 */
public record ModelVersion(String version, ModelState state, Optional<String> parent, String sha256, String card,
		String figures, String note, Instant createdAt) {

	public ModelVersion {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(parent, "parent");
		Objects.requireNonNull(sha256, "sha256");
		Objects.requireNonNull(card, "card");
		Objects.requireNonNull(figures, "figures");
		Objects.requireNonNull(note, "note");
		Objects.requireNonNull(createdAt, "createdAt");
	}
}
