package com.digitdesk.api.routing;

import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.store.PageResult;

/**
 * Decides for each field of the pages read whether it is auto-accepted or
 * queued for a clerk, with the reasons in words and, where a rule allows it,
 * a proposed value. Pages are routed in the groups that document rules speak
 * of (a return: its 1040 and the W-2s after it), so that what one page says
 * of another counts.
 */
@ProviderType
public interface FieldRouting {

	/** The policy this runtime is configured with. */
	RoutingPolicy policy();

	/**
	 * Routes a group of pages of one document together.
	 *
	 * @param group pages of one document, in order, as {@link PageGrouping} groups them
	 * @return one result per page, in the same order; an unreadable page as such
	 */
	List<PageResult> route(List<ReadPage> group, RoutingPolicy policy);

	/** A new grouping of one document's pages, fed page by page in order. */
	PageGrouping grouping();

	/** All groups of a document read whole. */
	default List<List<ReadPage>> groups(List<ReadPage> pages) {
		PageGrouping grouping = grouping();
		List<List<ReadPage>> all = new ArrayList<>();
		pages.forEach(page -> all.addAll(grouping.add(page)));
		all.addAll(grouping.finish());
		return all;
	}
}
