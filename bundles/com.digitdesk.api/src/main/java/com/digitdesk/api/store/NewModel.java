package com.digitdesk.api.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A model to keep with the store, as a candidate.
 *
 * @param parent the version it was trained on from; empty for a first model
 * @param graph its graph file's bytes (SameDiff, as training writes it)
 * @param card its model card (JSON)
 * @param figures its shadow evaluation (JSON), {@code {}} for none
 * @param note why it is added
 */
public record NewModel(Optional<String> parent, byte[] graph, String card, String figures, String note) {

	public NewModel {
		Objects.requireNonNull(parent, "parent");
		Objects.requireNonNull(graph, "graph");
		Objects.requireNonNull(card, "card");
		Objects.requireNonNull(figures, "figures");
		Objects.requireNonNull(note, "note");
		graph = graph.clone();
		if (graph.length == 0) {
			throw new IllegalArgumentException("a model's graph is not empty");
		}
	}

	@Override
	public byte[] graph() {
		return graph.clone();
	}
}
