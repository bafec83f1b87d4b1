package com.digitdesk.store;

import java.nio.file.Path;

import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** One part of a store over an embedded database of its own, used through its contract only. */
abstract class PartTest {

	@TempDir
	Path dir;

	StoreDatabase database;

	@BeforeEach
	void openDatabase() throws Exception {
		database = StoreDatabase.open("jdbc:h2:file:" + dir.resolve("results"), null,
				new OsgiDataSourceFactory(new Driver()), 2);
	}

	@AfterEach
	void closeDatabase() {
		database.close();
	}
}
