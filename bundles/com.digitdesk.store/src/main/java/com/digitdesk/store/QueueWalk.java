package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.store.QueuePlace;

/**
 * Walks the review queue from a place, forward or back, on the index
 * {@code fields_queue (status, document_id, page_index, position)}: the rest
 * of the place's page, then the rest of its document, then the documents
 * beyond, each one range of the index, so that the next fields come as fast
 * with ten thousand fields waiting as with ten. Fields of documents still
 * being imported, and fields another clerk has on screen, are passed over.
 */
final class QueueWalk {

	private QueueWalk() {
	}

	/** The ids of up to {@code limit} waiting fields beyond {@code from}, nearest first. */
	static List<Long> ids(Connection c, QueuePlace from, boolean forward, String clerk, int limit)
			throws SQLException {
		String beyond = forward ? ">" : "<";
		String order = forward ? "" : " DESC";
		String[] ranges = { "q.document_id = ? AND q.page_index = ? AND q.position " + beyond + " ?",
				"q.document_id = ? AND q.page_index " + beyond + " ?", "q.document_id " + beyond + " ?" };
		List<Long> ids = new ArrayList<>();
		for (int range = 0; range < ranges.length && ids.size() < limit; range++) {
			try (PreparedStatement select = c.prepareStatement("SELECT q.id FROM fields q "
					+ "WHERE q.status = 'needs_review' AND " + ranges[range]
					+ " AND EXISTS (SELECT 1 FROM documents d WHERE d.id = q.document_id AND d.complete)"
					+ (clerk == null ? "" : " AND NOT " + FieldClaims.CLAIMED_BY_OTHERS)
					+ " ORDER BY q.document_id" + order + ", q.page_index" + order + ", q.position" + order
					+ " LIMIT ?")) {
				int p = 1;
				select.setLong(p++, from.documentId());
				if (range < 2) {
					select.setInt(p++, from.pageIndex());
				}
				if (range == 0) {
					select.setInt(p++, from.position());
				}
				if (clerk != null) {
					select.setString(p++, clerk);
				}
				select.setInt(p, limit - ids.size());
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						ids.add(rows.getLong(1));
					}
				}
			}
		}
		return ids;
	}
}
