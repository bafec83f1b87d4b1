package com.digitdesk.api.routing;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.reading.ReadPage;

/**
 * Splits a document's pages, fed in order, into the groups that are routed
 * together. It holds a bounded number of pages however long the document, so
 * a reader can route and store as it goes.
 */
@ProviderType
public interface PageGrouping {

	/** @return the groups that {@code page} closes, in order (none, some, or itself alone) */
	List<List<ReadPage>> add(ReadPage page);

	/** @return the groups still open at the end of the document */
	List<List<ReadPage>> finish();
}
