package com.digitdesk.api.store;

import java.util.Comparator;

/**
 * A field's place in the review queue's one order, document order: the
 * documents as they were first stored, their pages, each page's fields as
 * the template lists them. Clerks see a form's fields together.
 *
 * @param documentId the document's store identifier
 * @param pageIndex 0-based page index
 * @param position the field's position on its page
 */
public record QueuePlace(long documentId, int pageIndex, int position) implements Comparable<QueuePlace> {

	/** Before every field. */
	public static final QueuePlace START = new QueuePlace(Long.MIN_VALUE, 0, 0);

	private static final Comparator<QueuePlace> ORDER = Comparator.comparingLong(QueuePlace::documentId)
			.thenComparingInt(QueuePlace::pageIndex).thenComparingInt(QueuePlace::position);

	@Override
	public int compareTo(QueuePlace other) {
		return ORDER.compare(this, other);
	}
}
