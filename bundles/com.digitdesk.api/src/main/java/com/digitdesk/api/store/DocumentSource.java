package com.digitdesk.api.store;

import java.util.Objects;

/**
 * An imported file as the store identifies it: by content, so that the same
 * file under another name is still stored once.
 *
 * @param fileName the imported file's name
 * @param contentSha256 SHA-256 of the file's bytes, lower-case hex
 * @param pageCount pages in the file
 */
public record DocumentSource(String fileName, String contentSha256, int pageCount) {

	public DocumentSource {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(contentSha256, "contentSha256");
		if (!contentSha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + contentSha256);
		}
		if (pageCount < 1) {
			throw new IllegalArgumentException(fileName + ": a document has at least one page");
		}
	}
}
