package com.digitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

	@Test
	void theDefaultStoreIsTheEmbeddedFileInTheDataDirectory() {
		assertThat(JdbcUrls.defaultUrl("", "/var/lib/digitdesk"))
				.isEqualTo("jdbc:h2:file:/var/lib/digitdesk/results");
		assertThat(JdbcUrls.defaultUrl(" ", null))
				.isEqualTo("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("results"));
		assertThat(JdbcUrls.defaultUrl(" jdbc:postgresql://h/db ", "/x")).isEqualTo("jdbc:postgresql://h/db");
		assertThat(JdbcUrls.defaultUrl("jdbc:h2:mem:x", "/x")).isEqualTo("jdbc:h2:mem:x");
	}

	@Test
	void passwordsStayOutOfMessages() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=a&password=b&ssl=true"))
				.isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
		assertThat(JdbcUrls.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=pw")).isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***");
	}

	@Test
	void theDriverClassFollowsTheUrl() {
		assertThat(JdbcUrls.driverClass("jdbc:h2:file:/x")).contains("org.h2.Driver");
		assertThat(JdbcUrls.driverClass("jdbc:postgresql://h/db")).contains("org.postgresql.Driver");
		assertThat(JdbcUrls.driverClass("jdbc:mysql://h/db")).isEmpty();
	}
}
