package com.digitdesk.api.store;

import java.util.Map;

/**
 * Counts over the whole store.
 *
 * @param documents complete documents
 * @param pages stored pages
 * @param fieldsByStatus fields per status
 * @param quarantined files in quarantine
 */
public record StoreSummary(long documents, long pages, Map<FieldStatus, Long> fieldsByStatus, long quarantined) {

	public StoreSummary {
		fieldsByStatus = Map.copyOf(fieldsByStatus);
	}

	public long fields() {
		return fieldsByStatus.values().stream().mapToLong(Long::longValue).sum();
	}

	public long fields(FieldStatus status) {
		return fieldsByStatus.getOrDefault(status, 0L);
	}
}
