package com.digitdesk.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A document in the store.
 *
 * @param id store identifier
 * @param source what was imported
 * @param importedAt when the import began
 * @param complete true once every page is stored
 */
public record StoredDocument(long id, DocumentSource source, Instant importedAt, boolean complete) {

	public StoredDocument {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(importedAt, "importedAt");
	}
}
