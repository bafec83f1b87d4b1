package com.digitdesk.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds result stores by JDBC URL, for commands that take {@code --db URL}.
 *
 * <p>Every store is a service of its own, configured through Configuration
 * Admin and registered as {@link ResultStore}, {@link DocumentIngest},
 * {@link FieldReview} and {@link ResultReadout}: the default store (with
 * {@code default=true}) and one per other configured URL. A URL that no
 * configuration names yet gets one, so a store is opened once per URL and
 * shared; callers do not close it. Opening a store creates or migrates its
 * schema.
 */
@ProviderType
public interface ResultStores {

	/** The URL of the configured default store. */
	String defaultUrl();

	/**
	 * The store at {@code jdbcUrl}: {@code jdbc:h2:...} (embedded) or
	 * {@code jdbc:postgresql://...} (user and password as URL parameters).
	 *
	 * @throws StoreException if no driver for the URL is installed, the
	 *         database cannot be reached or its schema cannot be migrated
	 */
	ResultStore store(String jdbcUrl) throws StoreException;
}
