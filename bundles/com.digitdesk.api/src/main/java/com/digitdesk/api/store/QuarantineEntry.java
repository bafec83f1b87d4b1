package com.digitdesk.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A file the import could not read, with the reason.
 *
 * @param sourceFile the file's path as given to the import
 * @param contentSha256 its hash, or "" if it could not be read at all
 * @param reason what is wrong, naming the page where one page is at fault
 * @param at when it failed
 */
public record QuarantineEntry(String sourceFile, String contentSha256, String reason, Instant at) {

	public QuarantineEntry {
		Objects.requireNonNull(sourceFile, "sourceFile");
		Objects.requireNonNull(contentSha256, "contentSha256");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(at, "at");
	}
}
