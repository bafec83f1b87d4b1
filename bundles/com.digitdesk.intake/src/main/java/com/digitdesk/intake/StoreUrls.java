package com.digitdesk.intake;

/** JDBC URLs as shown to people: without passwords. */
final class StoreUrls {

	private StoreUrls() {
	}

	static String withoutSecrets(String url) {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
	}
}
