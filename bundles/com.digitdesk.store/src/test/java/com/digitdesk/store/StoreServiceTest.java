package com.digitdesk.store;

import static com.digitdesk.store.Fixtures.page;
import static com.digitdesk.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredDocument;

/** A store component as Declarative Services runs it, outside the framework. */
class StoreServiceTest {

	static final DataSourceFactory H2 = new OsgiDataSourceFactory(new Driver());

	@TempDir
	Path dir;

	StoreService service;

	@AfterEach
	void close() {
		if (service != null) {
			service.close();
		}
	}

	@Test
	void theDefaultStoreIsTheEmbeddedFileInTheDataDirectoryOpenedAtActivation() throws Exception {
		service = new DefaultResultStore(Configurations.store(" ", "", 2), dir.resolve("data").toString(), H2);
		assertThat(service.url()).isEqualTo("jdbc:h2:file:" + dir.resolve("data/results"));
		assertThat(dir.resolve("data/results.mv.db")).doesNotExist();
		service.activated();
		assertThat(dir.resolve("data/results.mv.db")).exists();

		StoredDocument document = service.openDocument(source("a.pdf", 1));
		service.storePage(document.id(), page(0, 3));
		service.completeDocument(document.id());
		assertThat(service.summary().fields()).isEqualTo(3);
		assertThat(service.reviewQueue(10)).hasSize(1);
	}

	@Test
	void anOpeningThatFailedIsReportedByTheNextCallAndTriedAgainByTheOneAfter() throws Exception {
		Path blocked = Files.writeString(dir.resolve("not-a-directory"), "a file where the store's directory goes");
		service = new ConfiguredResultStore(Configurations.store("jdbc:h2:file:" + blocked.resolve("results"), "",
				2), dir.toString(), H2);
		service.activated();
		assertThatThrownBy(service::summary).isInstanceOf(StoreException.class)
				.hasMessageStartingWith("opening the store at jdbc:h2:file:" + blocked.resolve("results"));

		Files.delete(blocked);
		assertThat(service.summary().documents()).as("opened at the second call").isZero();
	}

	@Test
	void aClosedStoreSaysSoAndNamesItsUrlWithoutPassword() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("results") + ";USER=sa;PASSWORD=Pw-in-the-url";
		service = new ConfiguredResultStore(Configurations.store(url, "", 2), dir.toString(), H2);
		assertThat(service.summary().documents()).isZero();
		service.close();
		assertThat(service.isClosed()).isTrue();
		assertThatThrownBy(service::summary).isInstanceOf(StoreException.class)
				.hasMessage("the results store at jdbc:h2:file:" + dir.resolve("results") + ";USER=sa is closed (its "
						+ "configuration or its JDBC driver has gone)");
	}

	@Test
	void aConfiguredPasswordWinsOverTheUrlsOwn() {
		assertThat(StoreService.credentials("jdbc:postgresql://h/db?user=a&password=own", "configured"))
				.isEqualTo(new JdbcUrls.Credentials("jdbc:postgresql://h/db?user=a", "configured"));
		assertThat(StoreService.credentials("jdbc:postgresql://h/db?user=a&password=own", ""))
				.isEqualTo(new JdbcUrls.Credentials("jdbc:postgresql://h/db?user=a", "own"));
		assertThat(StoreService.credentials("jdbc:postgresql://h/db?user=a", null))
				.isEqualTo(new JdbcUrls.Credentials("jdbc:postgresql://h/db?user=a", null));
	}
}
