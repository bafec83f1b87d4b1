package com.digitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

import com.digitdesk.api.store.StoreException;

/** What a results store keeps to itself: its files, and its database's password. */
class PrivacyTest {

	static final DataSourceFactory H2 = new OsgiDataSourceFactory(new Driver());

	@TempDir
	Path dir;

	DefaultResultStore defaultStore;
	JdbcResultStore store;

	@AfterEach
	void close() {
		if (store != null) {
			store.close();
		}
		if (defaultStore != null) {
			defaultStore.close();
		}
	}

	static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	static boolean posix(Path path) throws Exception {
		return Files.getFileStore(path).supportsFileAttributeView("posix");
	}

	@Test
	void anEmbeddedStoreIsCreatedReadableByItsOwnerOnly() throws Exception {
		assumeTrue(posix(dir), "the file system has POSIX permissions");
		Path database = dir.resolve("new/data/results");
		store = JdbcResultStore.open("jdbc:h2:file:" + database, H2, 2);
		assertThat(store.summary().documents()).isZero();
		// A failing statement: at H2's default trace level it goes, with the SQL and its values, to
		// results.trace.db. This connection joins the database the store opened, with the store's settings.
		try (Connection c = ResultStoreContract.dataSource(H2, "jdbc:h2:file:" + database).getConnection();
				Statement s = c.createStatement()) {
			assertThatThrownBy(() -> s.executeQuery("SELECT no_such_column FROM fields WHERE name = '123-45-6789'"))
					.isInstanceOf(SQLException.class);
		}
		store.close();
		store = null;

		assertThat(mode(dir.resolve("new"))).isEqualTo("rwx------");
		assertThat(mode(dir.resolve("new/data"))).isEqualTo("rwx------");
		try (Stream<Path> files = Files.list(dir.resolve("new/data"))) {
			List<Path> all = files.toList();
			assertThat(all).extracting(p -> p.getFileName().toString()).containsExactly("results.mv.db");
			for (Path file : all) {
				assertThat(mode(file)).as("%s", file).isEqualTo("rw-------");
			}
		}
	}

	@Test
	void filesOfAnExistingStoreFoundReadableByOthersAreNarrowed() throws Exception {
		assumeTrue(posix(dir), "the file system has POSIX permissions");
		Path database = dir.resolve("results");
		store = JdbcResultStore.open("jdbc:h2:file:" + database, H2, 2);
		store.close();
		Path file = dir.resolve("results.mv.db");
		Path trace = dir.resolve("results.trace.db");
		Files.writeString(trace, "left by an older version");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-rw-rw-"));
		Path other = Files.writeString(dir.resolve("unrelated.txt"), "not the store's");
		Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));

		store = JdbcResultStore.open("jdbc:h2:file:" + database, H2, 2);
		assertThat(mode(file)).isEqualTo("rw-------");
		assertThat(mode(trace)).isEqualTo("rw-------");
		assertThat(mode(other)).as("a file that is not the database's").isEqualTo("rw-r--r--");
	}

	@Test
	void theDefaultStoreMakesTheWholeDataDirectoryPrivate() throws Exception {
		assumeTrue(posix(dir), "the file system has POSIX permissions");
		Path data = dir.resolve("data");
		Path archive = Files.createDirectories(data.resolve("sample-archive"));
		Path pdf = Files.writeString(archive.resolve("form-00001.pdf"), "%PDF-1.4");
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(pdf, PosixFilePermissions.fromString("rw-r--r--"));
		defaultStore = new DefaultResultStore(Configurations.store("", "", 2), data.toString(), H2);
		assertThat(mode(data)).as("not before the store opens").isEqualTo("rwxr-xr-x");
		assertThat(defaultStore.summary().documents()).isZero();

		assertThat(mode(data)).isEqualTo("rwx------");
		assertThat(mode(archive)).isEqualTo("rwx------");
		assertThat(mode(pdf)).isEqualTo("rw-------");
		assertThat(mode(data.resolve("results.mv.db"))).isEqualTo("rw-------");
	}

	@Test
	void aPasswordReachesTheDriverApartFromTheUrl() {
		assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h:5432/db?user=a&password=p%26w%3Dx&ssl=true"))
				.isEqualTo(new JdbcUrls.Credentials("jdbc:postgresql://h:5432/db?user=a&ssl=true", "p&w=x"));
		assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h/db?PASSWORD=p&user=a"))
				.isEqualTo(new JdbcUrls.Credentials("jdbc:postgresql://h/db?user=a", "p"));
		assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h/db?password=p"))
				.isEqualTo(new JdbcUrls.Credentials("jdbc:postgresql://h/db", "p"));
		assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h/db?user=a"))
				.isEqualTo(new JdbcUrls.Credentials("jdbc:postgresql://h/db?user=a", null));
		assertThat(JdbcUrls.withoutPassword("jdbc:h2:file:/x;USER=sa;Password=p;MODE=PostgreSQL"))
				.isEqualTo(new JdbcUrls.Credentials("jdbc:h2:file:/x;USER=sa;MODE=PostgreSQL", "p"));
		assertThat(JdbcUrls.withoutPassword("jdbc:h2:mem:x")).isEqualTo(new JdbcUrls.Credentials("jdbc:h2:mem:x", null));

		assertThat(JdbcUrls.driverProperties("jdbc:h2:file:/x;USER=sa;PASSWORD=p", null)).containsOnly(
				Map.entry(DataSourceFactory.JDBC_URL, "jdbc:h2:file:/x;TRACE_LEVEL_FILE=0;WRITE_DELAY=0"),
				Map.entry(DataSourceFactory.JDBC_USER, "sa"), Map.entry(DataSourceFactory.JDBC_PASSWORD, "p"));
		assertThat(JdbcUrls.driverProperties("jdbc:h2:file:/x;trace_level_file=1", "")).containsOnly(
				Map.entry(DataSourceFactory.JDBC_URL, "jdbc:h2:file:/x;trace_level_file=1;WRITE_DELAY=0"));
		assertThat(JdbcUrls.driverProperties("jdbc:postgresql://h/db", "configured")).containsOnly(
				Map.entry(DataSourceFactory.JDBC_URL, "jdbc:postgresql://h/db?logServerErrorDetail=false"),
				Map.entry(DataSourceFactory.JDBC_PASSWORD, "configured"));
		assertThat(JdbcUrls.driverProperties("jdbc:postgresql://h/db?user=a&password=own", "configured"))
				.containsOnly(Map.entry(DataSourceFactory.JDBC_URL,
						"jdbc:postgresql://h/db?user=a&logServerErrorDetail=false"),
						Map.entry(DataSourceFactory.JDBC_PASSWORD, "own"));

		assertThat(JdbcUrls.h2Database("jdbc:h2:file:/srv/data/results;AUTO_SERVER=TRUE")).contains(Path.of("/srv/data/results"));
		assertThat(JdbcUrls.h2Database("jdbc:h2:/srv/data/results")).contains(Path.of("/srv/data/results"));
		assertThat(JdbcUrls.h2Database("jdbc:h2:~/results")).contains(Path.of(System.getProperty("user.home"), "results"));
		assertThat(JdbcUrls.h2Database("jdbc:h2:mem:results")).isEmpty();
		assertThat(JdbcUrls.h2Database("jdbc:h2:tcp://host/~/results")).isEmpty();
		assertThat(JdbcUrls.h2Database("jdbc:postgresql://h/db")).isEmpty();
	}

	@Test
	void theDefaultStoresPasswordIsKeptOutOfItsUrl() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("locked") + ";USER=clerk;PASSWORD=Hx7-never-shown";
		defaultStore = new DefaultResultStore(Configurations.store(url, "", 2), dir.toString(), H2);
		assertThat(defaultStore.url()).isEqualTo("jdbc:h2:file:" + dir.resolve("locked") + ";USER=clerk");
		assertThat(defaultStore.summary().documents()).isZero();
		assertThat(defaultStore.toString()).doesNotContain("Hx7-never-shown");
		defaultStore.close();
		defaultStore = null;

		// the database was created with that password: without it, it does not open, and no message shows it
		assertThatThrownBy(() -> JdbcResultStore.open(url.replace("Hx7-never-shown", "wrong"), H2, 1))
				.isInstanceOf(StoreException.class).hasMessageContaining("PASSWORD=***")
				.hasMessageNotContaining("wrong");
		store = JdbcResultStore.open("jdbc:h2:file:" + dir.resolve("locked") + ";USER=clerk", "Hx7-never-shown", H2,
				2);
		assertThat(store.summary().documents()).isZero();
	}
}
