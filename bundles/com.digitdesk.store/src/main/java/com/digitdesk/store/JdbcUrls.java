package com.digitdesk.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the store needs to know about a JDBC URL. */
final class JdbcUrls {

	static final String H2_DRIVER = "org.h2.Driver";
	static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

	private JdbcUrls() {
	}

	/** The driver class whose DataSourceFactory opens {@code url}, if it is a database we support. */
	static Optional<String> driverClass(String url) {
		if (url.startsWith("jdbc:h2:")) {
			return Optional.of(H2_DRIVER);
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return Optional.of(POSTGRESQL_DRIVER);
		}
		return Optional.empty();
	}

	static boolean isH2(String url) {
		return url.startsWith("jdbc:h2:");
	}

	/** The URL as it may appear in messages and service properties: without its password. */
	static String redact(String url) {
		return PASSWORD.matcher(url).replaceAll("$1***");
	}

	/**
	 * The default store's URL: the configured one, or the embedded H2 file
	 * {@code results} in the data directory, for one process at a time (a
	 * second one is refused with "database may be already in use"). A file
	 * shared through H2's AUTO_SERVER by processes of which some were killed
	 * was found corrupted; several processes share a PostgreSQL store.
	 */
	static String defaultUrl(String configured, String dataDirectory) {
		if (configured != null && !configured.isBlank()) {
			return configured.trim();
		}
		Path data = dataDirectory == null || dataDirectory.isBlank() ? Path.of("data") : Path.of(dataDirectory);
		return "jdbc:h2:file:" + data.toAbsolutePath().normalize().resolve("results");
	}
}
