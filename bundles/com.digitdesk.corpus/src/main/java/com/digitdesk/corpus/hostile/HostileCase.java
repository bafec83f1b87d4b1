package com.digitdesk.corpus.hostile;

/**
 * One file of the hostile corpus.
 *
 * @param fileName the file's name in the corpus folder
 * @param kind what is wrong with it, one short word group (several files may share one)
 * @param expected what an importer that survives any file ends the file as
 * @param reasonHint for a quarantined file, a word its quarantine reason should contain
 *        (lower case, such as "memory" or "encrypted"); empty for a processed one
 * @param description how the file is made and what plain PDFBox 3.0.x does with it
 */
public record HostileCase(String fileName, String kind, Outcome expected, String reasonHint, String description) {

	/** How an import ends a file. */
	public enum Outcome {
		/** Its pages are read and stored. */
		PROCESSED,
		/** It is set aside with a reason, and the import goes on. */
		QUARANTINED
	}

	public HostileCase {
		boolean quarantined = expected == Outcome.QUARANTINED;
		if (quarantined == reasonHint.isEmpty()) {
			throw new IllegalArgumentException(fileName + ": a reason hint goes with, and only with, quarantine");
		}
	}
}
