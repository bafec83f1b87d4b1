package com.digitdesk.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The store on PostgreSQL, at the URL in {@value #URL_VARIABLE} (e.g.
 * jdbc:postgresql://127.0.0.1:5432/results?user=results&amp;password=results).
 * Skipped when the variable is not set; a database that is set but cannot be
 * reached fails.
 */
class PostgresResultStoreTest extends ResultStoreContract {

	static final String URL_VARIABLE = "DIGITDESK_TEST_POSTGRES_URL";

	static final String url = System.getenv(URL_VARIABLE);

	@Override
	@BeforeEach
	void open() throws Exception {
		assumeTrue(url != null && !url.isBlank(),
				URL_VARIABLE + " is not set: the PostgreSQL run of the store tests is skipped");
		// every test starts from an empty database
		Flyway.configure().dataSource(dataSource(factory(), url)).cleanDisabled(false).load().clean();
		super.open();
	}

	@Override
	String url() {
		return url;
	}

	@Override
	DataSourceFactory factory() {
		return new PGDataSourceFactory();
	}
}
