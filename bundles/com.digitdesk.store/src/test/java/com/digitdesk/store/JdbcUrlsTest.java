package com.digitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.StoreException;

class JdbcResultStoresTest {

	@TempDir
	Path dir;

	JdbcResultStores stores;

	@AfterEach
	void close() {
		if (stores != null) {
			stores.close();
		}
	}

	static final DataSourceFactory H2 = new OsgiDataSourceFactory(new Driver());

	static Map<String, Object> driver(String driverClass) {
		return Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, driverClass);
	}

	@Test
	void aUrlWithoutItsDriverNamesTheUrlAndTheMissingDriver() {
		stores = new JdbcResultStores("", 2);
		stores.addDataSourceFactory(H2, driver("org.h2.Driver"));
		assertThatThrownBy(() -> stores.store("jdbc:postgresql://db.example:5432/results?user=r&password=secret"))
				.isInstanceOf(StoreException.class)
				.hasMessage("cannot open jdbc:postgresql://db.example:5432/results?user=r&password=***: no JDBC "
						+ "driver org.postgresql.Driver is installed (a bundle that registers a DataSourceFactory "
						+ "with osgi.jdbc.driver.class=org.postgresql.Driver)");
		assertThatThrownBy(() -> stores.store("jdbc:mysql://db.example/results")).isInstanceOf(StoreException.class)
				.hasMessage("cannot open jdbc:mysql://db.example/results: only jdbc:h2: and jdbc:postgresql: URLs "
						+ "are supported");

		stores.removeDataSourceFactory(H2);
		assertThatThrownBy(() -> stores.store("jdbc:h2:file:" + dir.resolve("r")))
				.isInstanceOf(StoreException.class).hasMessageContaining("no JDBC driver org.h2.Driver");
	}

	@Test
	void oneStorePerUrlUntilItsDriverLeaves() throws Exception {
		stores = new JdbcResultStores("", 2);
		stores.addDataSourceFactory(H2, driver("org.h2.Driver"));
		String url = "jdbc:h2:file:" + dir.resolve("results");
		ResultStore store = stores.store(url);
		assertThat(stores.store(" " + url + " ")).isSameAs(store);
		assertThat(store.summary().documents()).isZero();

		stores.removeDataSourceFactory(H2);
		assertThatThrownBy(store::summary).isInstanceOf(StoreException.class);
		stores.addDataSourceFactory(H2, driver("org.h2.Driver"));
		ResultStore reopened = stores.store(url);
		assertThat(reopened).isNotSameAs(store);
		assertThat(reopened.summary().documents()).isZero();
	}

	@Test
	void theDefaultStoreIsTheEmbeddedFileInTheDataDirectory() {
		assertThat(JdbcUrls.defaultUrl("", "/var/lib/digitdesk"))
				.isEqualTo("jdbc:h2:file:/var/lib/digitdesk/results");
		assertThat(JdbcUrls.defaultUrl(" ", null))
				.isEqualTo("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("results"));
		assertThat(JdbcUrls.defaultUrl(" jdbc:postgresql://h/db ", "/x")).isEqualTo("jdbc:postgresql://h/db");
		assertThat(new JdbcResultStores("jdbc:h2:mem:x", 1).defaultUrl()).isEqualTo("jdbc:h2:mem:x");
	}

	@Test
	void passwordsStayOutOfMessages() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=a&password=b&ssl=true"))
				.isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
		assertThat(JdbcUrls.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=pw")).isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***");
	}

	@Test
	void aStoppedProviderOpensNothing() {
		stores = new JdbcResultStores("", 2);
		stores.addDataSourceFactory(H2, driver("org.h2.Driver"));
		stores.close();
		assertThatThrownBy(() -> stores.store("jdbc:h2:file:" + dir.resolve("results")))
				.isInstanceOf(StoreException.class).hasMessageContaining("stopping");
	}
}
