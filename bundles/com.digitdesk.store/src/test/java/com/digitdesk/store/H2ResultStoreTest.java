package com.digitdesk.store;

import java.nio.file.Path;

import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

/** The store on an embedded H2 file, the workstation's default. */
class H2ResultStoreTest extends ResultStoreContract {

	@TempDir
	Path dir;

	@Override
	String url() {
		return "jdbc:h2:file:" + dir.resolve("results");
	}

	@Override
	DataSourceFactory factory() {
		return new OsgiDataSourceFactory(new Driver());
	}
}
