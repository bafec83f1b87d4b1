package com.digitdesk.api.render;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PDF file or one of its pages cannot be read. The message always names the
 * file, and the page when one page is at fault, so an operator can find it.
 */
public class DocumentException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient Path file;
	private final int pageIndex;

	/** A problem with the whole file. */
	public DocumentException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
		this.file = file;
		this.pageIndex = -1;
	}

	/** A problem with one page (0-based index; messages show it 1-based). */
	public DocumentException(Path file, int pageIndex, String problem, Throwable cause) {
		super(file + ", page " + (pageIndex + 1) + ": " + problem, cause);
		this.file = file;
		this.pageIndex = pageIndex;
	}

	public Optional<Path> file() {
		return Optional.ofNullable(file);
	}

	/** The 0-based page index, if one page is at fault. */
	public OptionalInt pageIndex() {
		return pageIndex < 0 ? OptionalInt.empty() : OptionalInt.of(pageIndex);
	}
}
