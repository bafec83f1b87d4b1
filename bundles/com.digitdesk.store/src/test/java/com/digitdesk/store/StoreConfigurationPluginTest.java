package com.digitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What Declarative Services gets of a store's configuration, whoever wrote it. */
class StoreConfigurationPluginTest {

	static Map<String, Object> completed(Map<String, Object> written, boolean defaultStore) {
		Dictionary<String, Object> properties = new Hashtable<>(written);
		StoreConfigurationPlugin.complete(properties, defaultStore, "/srv/digitdesk");
		return Map.copyOf((Hashtable<String, Object>) properties);
	}

	@Test
	void aPasswordInTheUrlMovesToThePrivatePropertyAndTheDriverIsTheUrls() {
		assertThat(completed(Map.of("url", " jdbc:postgresql://db:5432/results?user=r&password=s3cret "), true))
				.containsOnly(Map.entry("url", "jdbc:postgresql://db:5432/results?user=r"),
						Map.entry(".password", "s3cret"),
						Map.entry("driver.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)"));
	}

	@Test
	void aPasswordSetApartWinsAndATargetSetIsKept() {
		assertThat(completed(Map.of("url", "jdbc:h2:file:/x;USER=sa;PASSWORD=old", ".password", "new",
				"driver.target", "(&(osgi.jdbc.driver.class=org.h2.Driver)(vendor=mine))"), false))
				.containsOnly(Map.entry("url", "jdbc:h2:file:/x;USER=sa"), Map.entry(".password", "new"),
						Map.entry("driver.target", "(&(osgi.jdbc.driver.class=org.h2.Driver)(vendor=mine))"));
	}

	@Test
	void theDefaultStoresEmptyUrlIsTheEmbeddedFileInTheDataDirectory() {
		assertThat(completed(Map.of("poolSize", 2), true)).containsOnly(Map.entry("poolSize", 2),
				Map.entry("url", "jdbc:h2:file:/srv/digitdesk/results"),
				Map.entry("driver.target", "(osgi.jdbc.driver.class=org.h2.Driver)"));
		assertThat(completed(Map.of("url", ""), true)).containsEntry("url", "jdbc:h2:file:/srv/digitdesk/results");
	}

	@Test
	void aUrlNoDriverSupportsSelectsNoDriver() {
		assertThat(completed(Map.of("url", "jdbc:mysql://db/results"), false))
				.containsEntry("driver.target", StoreConfigurationPlugin.NO_DRIVER);
		assertThat(completed(Map.of(), false)).containsOnly(
				Map.entry("driver.target", StoreConfigurationPlugin.NO_DRIVER));
	}

	@Test
	void aPasswordKeptInMemoryForTheConfigurationReachesTheStore() {
		String key = Secrets.keep("kept-apart");
		assertThat(completed(Map.of("url", "jdbc:postgresql://db/results?user=r", Secrets.KEY, key), false))
				.containsEntry(".password", "kept-apart").containsEntry("url", "jdbc:postgresql://db/results?user=r");
		assertThat(completed(Map.of("url", "jdbc:postgresql://db/results?user=r", Secrets.KEY, "of-a-run-before"),
				false)).doesNotContainKey(".password");
	}
}
