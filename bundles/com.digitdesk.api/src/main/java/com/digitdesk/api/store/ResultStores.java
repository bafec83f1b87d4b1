package com.digitdesk.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens result stores by JDBC URL, for commands that take {@code --db URL}.
 * The configured default store is also registered as a {@link ResultStore}
 * service of its own.
 *
 * <p>A store is opened once per URL and kept until the provider stops;
 * callers do not close it. Opening a store creates or migrates its schema.
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
