package com.digitdesk.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document's pages, in order, into the groups that document rules
 * speak of, the way paper returns are stacked: a page whose template has
 * document rules (a 1040) with the pages after it up to the next such page
 * (its W-2s). A page before the first such one stands alone, and a group is
 * closed at {@link #MAX_PAGES} so that a reader holds a bounded number of
 * pages however long the file (a whole batch of returns scanned into one).
 */
final class PageGroups {

	static final int MAX_PAGES = 32;

	private final List<ReadPage> open = new ArrayList<>();

	/** @return the groups that {@code page} closes, in order (none, its predecessor's, or itself alone) */
	List<List<ReadPage>> add(ReadPage page) {
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
	List<List<ReadPage>> finish() {
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

	/** All groups of a document read whole. */
	static List<List<ReadPage>> of(List<ReadPage> pages) {
		PageGroups groups = new PageGroups();
		List<List<ReadPage>> all = new ArrayList<>();
		pages.forEach(page -> all.addAll(groups.add(page)));
		all.addAll(groups.finish());
		return all;
	}
}
