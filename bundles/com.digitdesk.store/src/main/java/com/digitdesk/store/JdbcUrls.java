package com.digitdesk.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.osgi.service.jdbc.DataSourceFactory;

/** What the store needs to know about a JDBC URL. */
final class JdbcUrls {

	static final String H2_DRIVER = "org.h2.Driver";
	static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
	/** An H2 database name after a prefix of its own (mem:, tcp:, ssl:, zip:, nio:, split:, ...). */
	private static final Pattern H2_PREFIXED = Pattern.compile("(?i)[a-z][a-z0-9]+:.*");

	/** A URL without its password, and the password on its own (null when the URL has none). */
	record Credentials(String url, String password) {
	}

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
	 * Takes the password out of a URL ({@code password=} of a PostgreSQL
	 * query, {@code ;PASSWORD=} of an H2 URL), so that it reaches the driver
	 * as a property of its own and never sits in a URL that a driver or pool
	 * logs or shows.
	 */
	static Credentials withoutPassword(String url) {
		Settings settings = Settings.of(url);
		return new Credentials(settings.without("password"), settings.value("password"));
	}

	/**
	 * What the driver's {@link DataSourceFactory} gets: the URL (as
	 * {@link #forDriver} makes it) without password, and the password as
	 * {@link DataSourceFactory#JDBC_PASSWORD}, the URL's own, else
	 * {@code password}. An H2 URL's user goes apart too (H2 refuses a user
	 * both in the URL and beside it).
	 *
	 * @param password null or empty: none
	 */
	static Properties driverProperties(String url, String password) {
		Settings settings = Settings.of(url);
		String secret = settings.value("password") != null ? settings.value("password") : password;
		Properties properties = new Properties();
		if (isH2(url)) {
			properties.setProperty(DataSourceFactory.JDBC_URL, forDriver(settings.without("password", "user")));
			if (settings.value("user") != null) {
				properties.setProperty(DataSourceFactory.JDBC_USER, settings.value("user"));
			}
		} else {
			properties.setProperty(DataSourceFactory.JDBC_URL, forDriver(settings.without("password")));
		}
		if (secret != null && !secret.isEmpty()) {
			properties.setProperty(DataSourceFactory.JDBC_PASSWORD, secret);
		}
		return properties;
	}

	/**
	 * The settings in a URL: a PostgreSQL query ({@code ?a=1&b=2}, values
	 * URL-encoded, names as the driver spells them) or H2's {@code ;A=1;B=2}
	 * (names in any case, values as they are).
	 */
	private record Settings(String base, String separator, List<String> settings, boolean encoded) {

		static Settings of(String url) {
			if (isH2(url)) {
				List<String> parts = List.of(url.split(";", -1));
				return new Settings(parts.get(0), ";", parts.subList(1, parts.size()), false);
			}
			int query = url.indexOf('?');
			if (url.startsWith("jdbc:postgresql:") && query >= 0) {
				return new Settings(url.substring(0, query), "&", List.of(url.substring(query + 1).split("&", -1)),
						true);
			}
			return new Settings(url, "&", List.of(), false);
		}

		/** The last value of setting {@code name}, or null. */
		String value(String name) {
			String value = null;
			for (String setting : settings) {
				if (is(setting, name)) {
					String raw = setting.substring(setting.indexOf('=') + 1);
					value = encoded ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
				}
			}
			return value;
		}

		/** The URL without the settings named (and without empty ones). */
		String without(String... names) {
			List<String> kept = settings.stream().filter(s -> !s.isEmpty())
					.filter(s -> Arrays.stream(names).noneMatch(name -> is(s, name))).toList();
			if (kept.isEmpty()) {
				return base;
			}
			return base + (separator.equals(";") ? ";" : "?") + String.join(separator, kept);
		}

		private static boolean is(String setting, String name) {
			return setting.toLowerCase(Locale.ROOT).startsWith(name + "=");
		}
	}

	/**
	 * The URL as the driver gets it. An embedded H2 database writes no trace
	 * file (at its default level it would record failed statements, and so
	 * values, in {@code NAME.trace.db}), and writes each commit to its file
	 * before the commit returns (by default it waits up to half a second, and
	 * a killed process lost the decisions a clerk had confirmed meanwhile);
	 * PostgreSQL keeps the server's detail ("Failing row contains (...)", with
	 * the row's values) out of error messages, which the importer prints. A
	 * URL that sets any of these itself keeps its own setting.
	 */
	static String forDriver(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (isH2(url)) {
			String settings = (lower.contains(";trace_level_file=") ? "" : ";TRACE_LEVEL_FILE=0")
					+ (lower.contains(";write_delay=") ? "" : ";WRITE_DELAY=0");
			return url + settings;
		}
		if (url.startsWith("jdbc:postgresql:") && !lower.contains("logservererrordetail=")) {
			return url + (url.indexOf('?') < 0 ? "?" : "&") + "logServerErrorDetail=false";
		}
		return url;
	}

	/**
	 * The database of an embedded H2 URL as a path without extension (H2
	 * adds {@code .mv.db}, {@code .trace.db}, ...), if it is a file of its
	 * own on this machine.
	 */
	static Optional<Path> h2Database(String url) {
		if (!isH2(url)) {
			return Optional.empty();
		}
		String name = url.substring("jdbc:h2:".length());
		int settings = name.indexOf(';');
		if (settings >= 0) {
			name = name.substring(0, settings);
		}
		if (name.startsWith("file:")) {
			name = name.substring("file:".length());
		}
		if (name.isEmpty() || H2_PREFIXED.matcher(name).matches()) {
			// in memory, on a server, or on another of H2's file systems: no file of ours to look after
			return Optional.empty();
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Optional.of(Path.of(name).toAbsolutePath().normalize());
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
		return "jdbc:h2:file:" + dataDirectory(dataDirectory).resolve("results");
	}

	/** The data directory: the framework property's, else {@code data} under the working directory. */
	static Path dataDirectory(String property) {
		Path data = property == null || property.isBlank() ? Path.of("data") : Path.of(property);
		return data.toAbsolutePath().normalize();
	}
}
