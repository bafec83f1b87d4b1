package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.Subcommand;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several importers on one PostgreSQL store and one folder, run as operators
 * run them (the exported importer jar, each in a process of its own): they
 * share the work, every file is read by one of them, all exit 0, and the
 * store equals a single clean import field by field; also when one of them
 * is killed with SIGKILL in the middle. Each case gets a schema of its own in
 * the database at DIGITDESK_TEST_POSTGRES_URL (skipped when it is not set).
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class SharedStoreTest {

	static final String URL_VARIABLE = "DIGITDESK_TEST_POSTGRES_URL";
	static final int PAGES = 24;
	/** Short, so that the killed importer's files are taken over within the test. */
	static final String LEASE_SECONDS = "4";


	@InjectService(filter = "(osgi.jdbc.driver.class=org.postgresql.Driver)", timeout = 20000)
	static DataSourceFactory postgres;

	@TempDir
	static Path work;
	static Path archive;
	static ImporterProcesses importers;
	static List<String> cleanRows;
	static int files;

	@BeforeAll
	static void importOnceAlone(@InjectBundleContext BundleContext context) throws Exception {
		assumeTrue(url() != null && !url().isBlank(), URL_VARIABLE + " is not set: the shared-store test is skipped");
		importers = new ImporterProcesses(context, work);
		archive = work.resolve("archive");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", archive.toString(),
				"--pages", String.valueOf(PAGES), "--seed", "53")).isZero();
		files = ImportTest.pdfs(archive).size();
		String clean = "jdbc:h2:file:" + work.resolve("clean/results");
		assertThat(Commands.run(new ByteArrayOutputStream(), "import", "--db", clean,
				archive.toString())).isZero();
		cleanRows = ImportTest.exportRows(clean);
		assertThat(cleanRows).hasSizeGreaterThan(PAGES * 8);
	}

	@Test
	void twoImportersShareTheWork() throws Exception {
		List<JsonNode> summaries = importTogether("shared_two", 2, false);
		assertThat(summaries).allSatisfy(summary -> assertThat(summary.get("failed").asInt()).isZero());
	}

	@Test
	void threeImportersShareTheWork() throws Exception {
		importTogether("shared_three", 3, false);
	}

	@Test
	void theFilesOfAKilledImporterAreTakenOverByTheOthers() throws Exception {
		importTogether("shared_killed", 3, true);
	}

	/**
	 * Runs {@code count} importers at once on the archive into a fresh schema
	 * and checks the store against the clean import; with {@code kill}, the
	 * first is killed once it stored a file and has more in hand.
	 */
	private List<JsonNode> importTogether(String schema, int count, boolean kill) throws Exception {
		String url = freshSchema(schema);
		Path logs = Files.createDirectories(work.resolve(schema));
		List<Process> runs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			runs.add(importers.start(logs.resolve(i + ".json"), logs.resolve(i + ".err"), "import", "--json",
					"--verbose", "--threads", "1", "--lease", LEASE_SECONDS, "--db", url, archive.toString()));
		}
		if (kill) {
			Process victim = runs.get(0);
			Path err = logs.resolve("0.err");
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (!Files.readString(err).contains("import: stored: ") && victim.isAlive()
					&& System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(victim.isAlive()).as("the first importer was still at work after storing a file").isTrue();
			Thread.sleep(300); // into its next file
			victim.destroyForcibly();
			assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		List<JsonNode> summaries = new ArrayList<>();
		for (int i = kill ? 1 : 0; i < count; i++) {
			assertThat(runs.get(i).waitFor(10, TimeUnit.MINUTES)).isTrue();
			assertThat(runs.get(i).exitValue()).as("importer %d's exit status; its log:%n%s", i,
					Files.readString(logs.resolve(i + ".err"))).isZero();
			summaries.add(ImportTest.JSON.readTree(Files.readString(logs.resolve(i + ".json"))));
		}
		int readHere = 0;
		for (JsonNode summary : summaries) {
			readHere += summary.get("files").asInt() - summary.get("already_stored_files").asInt()
					- summary.get("stored_by_other_importers").asInt() - summary.get("duplicate_files").asInt();
		}
		if (!kill) {
			// every file read by exactly one importer
			assertThat(readHere).as("files read, over all importers").isEqualTo(files);
			assertThat(summaries).allSatisfy(summary -> assertThat(summary.get("pages").asInt()).isPositive());
		}
		List<String> rows = ImportTest.exportRows(url);
		assertThat(new HashSet<>(rows)).as("no field stored twice").hasSize(rows.size());
		assertThat(rows).containsExactlyInAnyOrderElementsOf(cleanRows);
		return summaries;
	}

	/** The test database's URL with an empty schema of this name as the current one. */
	private static String freshSchema(String schema) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty(DataSourceFactory.JDBC_URL, url());
		try (Connection connection = postgres.createDataSource(properties).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			statement.execute("CREATE SCHEMA " + schema);
		}
		return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	private static String url() {
		return System.getenv(URL_VARIABLE);
	}
}
