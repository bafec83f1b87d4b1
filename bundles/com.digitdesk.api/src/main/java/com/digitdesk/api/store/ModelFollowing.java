package com.digitdesk.api.store;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Puts this runtime's recognizer on a store's current model version, for a
 * command about to read with it ({@code import}, {@code eval},
 * {@code verify} with {@code --db}, the HTTP API).
 */
@ProviderType
public interface ModelFollowing {

	/**
	 * Makes the recognizer read with the current version of the store at
	 * {@code storeUrl} (the default store when blank) and returns once it
	 * does. A store without model versions leaves the recognizer on its own
	 * model (the shipped one, or the one its configuration names).
	 *
	 * @return the version now read with; empty when the store has none
	 * @throws StoreException when the store cannot be read, its current
	 *         version does not check out, or the recognizer does not take it
	 */
	Optional<ModelVersion> readWithCurrentModel(String storeUrl) throws StoreException;
}
