package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The rows of one document, pages down to digits, for discarding a document
 * whose import was given up.
 */
final class DocumentRows {

	/** The document's fields, for the tables that hang off them. */
	private static final String FIELDS_OF_DOCUMENT = "SELECT f.id FROM fields f JOIN pages p ON p.id = f.page_id "
			+ "WHERE p.document_id = ?";

	/** Children first, as the foreign keys want. */
	private static final List<String> DELETES = List.of(
			"DELETE FROM review_reasons WHERE field_id IN (" + FIELDS_OF_DOCUMENT + ")",
			"DELETE FROM digits WHERE field_id IN (" + FIELDS_OF_DOCUMENT + ")",
			"DELETE FROM field_images WHERE field_id IN (" + FIELDS_OF_DOCUMENT + ")",
			"DELETE FROM field_claims WHERE field_id IN (" + FIELDS_OF_DOCUMENT + ")",
			"DELETE FROM page_images WHERE page_id IN (SELECT id FROM pages WHERE document_id = ?)",
			"DELETE FROM fields WHERE page_id IN (SELECT id FROM pages WHERE document_id = ?)",
			"DELETE FROM pages WHERE document_id = ?",
			"DELETE FROM documents WHERE id = ?");

	private DocumentRows() {
	}

	/**
	 * The first field of the document that a clerk verified, rejected or
	 * corrected, as "field NAME on page N": such a document is a clerk's
	 * work, not only the import's.
	 */
	static Optional<String> firstCorrectedField(Connection c, long documentId) throws SQLException {
		try (PreparedStatement select = c.prepareStatement("SELECT f.name, p.page_index FROM fields f "
				+ "JOIN pages p ON p.id = f.page_id WHERE p.document_id = ? "
				+ "AND (f.status IN ('verified', 'rejected') OR EXISTS (SELECT 1 FROM corrections k "
				+ "WHERE k.field_id = f.id)) ORDER BY p.page_index, f.position LIMIT 1")) {
			select.setLong(1, documentId);
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() ? Optional.of("field " + rows.getString(1) + " on page " + (rows.getInt(2) + 1))
						: Optional.empty();
			}
		}
	}

	/**
	 * Deletes the document with its pages, fields, digits, review reasons and images,
	 * in the caller's transaction. A field with corrections stops it (their
	 * foreign key), so a clerk's work is never deleted.
	 */
	static void delete(Connection c, long documentId) throws SQLException {
		for (String sql : DELETES) {
			try (PreparedStatement delete = c.prepareStatement(sql)) {
				delete.setLong(1, documentId);
				delete.executeUpdate();
			}
		}
	}
}
