package com.digitdesk.store;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords of the stores {@link JdbcResultStores} configures for a
 * {@code --db URL}, kept in this bundle's memory only, each under a random
 * key that the store's configuration holds instead (property
 * {@value #KEY}); {@link StoreConfigurationPlugin} hands the password to the
 * store with the rest of its configuration.
 *
 * <p>Not in the configuration itself: Felix Configuration Admin logs every
 * property of a configuration it updates at DEBUG, private ones too
 * ({@code update(properties={url=..., .password=...})}, seen in the
 * importer's DEBUG log), and keeps them in the framework's storage. Static,
 * because the component that configures a store and the plugin that
 * completes its configuration are two objects of this bundle with no service
 * between them that should carry a password.
 */
final class Secrets {

	/** The private configuration property that names a password kept here. */
	static final String KEY = ".secret";

	private static final Map<String, String> PASSWORDS = new ConcurrentHashMap<>();

	private Secrets() {
	}

	/** Keeps {@code password}; returns its key. */
	static String keep(String password) {
		String key = UUID.randomUUID().toString();
		PASSWORDS.put(key, password);
		return key;
	}

	/** The password kept under {@code key}; empty when this process kept none (a configuration of a run before). */
	static Optional<String> password(Object key) {
		return key == null ? Optional.empty() : Optional.ofNullable(PASSWORDS.get(key.toString()));
	}
}
