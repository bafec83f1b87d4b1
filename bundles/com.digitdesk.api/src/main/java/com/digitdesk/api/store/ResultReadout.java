package com.digitdesk.api.store;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the results store hands out once documents are complete: every field
 * for an export, the counts of a summary, and the files that could not be
 * imported.
 *
 * <p>Used by the export command and by whatever reports on a store.
 */
@ProviderType
public interface ResultReadout {

	/** Streams every field of every complete document, in document, page and field order. */
	void forEachField(Consumer<StoredField> action) throws StoreException;

	StoreSummary summary() throws StoreException;

	/** Every file that could not be imported, oldest first, each once with its latest reason. */
	List<QuarantineEntry> quarantined() throws StoreException;
}
