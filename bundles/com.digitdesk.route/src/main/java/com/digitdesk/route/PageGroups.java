package com.digitdesk.route;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.routing.PageGrouping;

/**
 * Splits a document's pages, in order, into the groups that document rules
 * speak of, the way paper returns are stacked: a page whose template has
 * document rules (a 1040) with the pages after it up to the next such page
 * (its W-2s). A page before the first such one stands alone, and a group is
 * closed at {@link #MAX_PAGES} so that a reader holds a bounded number of
 * pages however long the file (a whole batch of returns scanned into one).
 */
final class PageGroups implements PageGrouping {

	static final int MAX_PAGES = 32;

	private final List<ReadPage> open = new ArrayList<>();

	/** @return the groups that {@code page} closes, in order (none, its predecessor's, or itself alone) */
	@Override
	public List<List<ReadPage>> add(ReadPage page) {
		List<List<ReadPage>> closed = new ArrayList<>();
		boolean head = page.problem().isEmpty()
				&& page.template().map(template -> !template.documentRules().isEmpty()).orElse(false);
		if (head || open.size() >= MAX_PAGES) {
			close(closed);
		}
		if (head || !open.isEmpty()) {
			open.add(page);
		} else {
			closed.add(List.of(page));
		}
		return closed;
	}

	/** @return the group still open at the end of the document, if any */
	@Override
	public List<List<ReadPage>> finish() {
		List<List<ReadPage>> closed = new ArrayList<>();
		close(closed);
		return closed;
	}

	private void close(List<List<ReadPage>> closed) {
		if (!open.isEmpty()) {
			closed.add(List.copyOf(open));
			open.clear();
		}
	}

}
