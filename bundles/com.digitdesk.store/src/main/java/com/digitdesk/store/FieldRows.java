package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoredField;

/**
 * Stored fields as clerks and exports see them: each with its page, its
 * document's file, its review reasons and its latest correction.
 */
final class FieldRows {

	/** A stored field with its latest correction; one row per review reason (or one without). */
	static final String FIELD_ROWS = "SELECT f.id, d.file_name, p.page_index, p.template_id, f.name, "
			+ "f.current_value, f.status, f.confidence, f.proposal, "
			+ "c.old_value, c.new_value, c.outcome, c.user_name, c.at, "
			+ "r.kind, r.position, r.detail "
			+ "FROM fields f JOIN pages p ON p.id = f.page_id JOIN documents d ON d.id = p.document_id "
			+ "LEFT JOIN corrections c ON c.id = (SELECT MAX(l.id) FROM corrections l WHERE l.field_id = f.id) "
			+ "LEFT JOIN review_reasons r ON r.field_id = f.id ";

	private FieldRows() {
	}

	/** One field, if there is one with this id. */
	static Optional<StoredField> field(Connection c, long fieldId) throws SQLException {
		try (PreparedStatement select = c.prepareStatement(FIELD_ROWS + "WHERE f.id = ? ORDER BY r.ordinal")) {
			select.setLong(1, fieldId);
			List<StoredField> fields = new ArrayList<>(1);
			read(select, fields::add);
			return fields.stream().findFirst();
		}
	}

	/** Reads {@link #FIELD_ROWS} rows, ordered by field then reason, into one StoredField per field. */
	static void read(PreparedStatement select, Consumer<StoredField> action) throws SQLException {
		try (ResultSet rows = select.executeQuery()) {
			boolean more = rows.next();
			while (more) {
				long id = rows.getLong(1);
				String sourceFile = rows.getString(2);
				int page = rows.getInt(3) + 1;
				String templateId = rows.getString(4);
				String name = rows.getString(5);
				String value = rows.getString(6);
				FieldStatus status = FieldStatus.ofCode(rows.getString(7));
				double confidence = rows.getDouble(8);
				Optional<String> proposal = Optional.ofNullable(rows.getString(9));
				Optional<Correction> verification = Optional.empty();
				String outcome = rows.getString(12);
				if (outcome != null) {
					verification = Optional.of(new Correction(id, rows.getString(10), rows.getString(11),
							FieldStatus.ofCode(outcome), rows.getString(13), StoreDatabase.instant(rows, 14)));
				}
				List<ReviewReason> reasons = new ArrayList<>();
				do {
					String kind = rows.getString(15);
					if (kind != null) {
						reasons.add(new ReviewReason(ReviewReason.Kind.valueOf(kind), rows.getInt(16),
								rows.getString(17)));
					}
					more = rows.next();
				} while (more && rows.getLong(1) == id);
				action.accept(new StoredField(id, sourceFile, page, templateId, name, value, status, confidence,
						reasons, proposal, verification));
			}
		}
	}
}
