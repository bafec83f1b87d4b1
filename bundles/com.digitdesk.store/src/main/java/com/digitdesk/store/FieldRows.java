package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.QueuePlace;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoredField;

/**
 * Stored fields as clerks and exports see them: each with its page, its
 * document's file, its review reasons and its latest correction.
 */
final class FieldRows {

	/** A decision's columns, in the order {@link #correction} reads them. */
	static final String CORRECTION_COLUMNS = "c.old_value, c.new_value, c.outcome, c.user_name, c.at, "
			+ "c.changed_positions, c.seconds, c.keystrokes, c.undone_by, c.undone_at";

	/**
	 * A stored field with its latest decision not undone; one row per review
	 * reason (or one without).
	 */
	static final String FIELD_ROWS = "SELECT f.id, d.file_name, p.page_index, p.template_id, f.name, "
			+ "f.current_value, f.status, f.confidence, f.proposal, "
			+ "r.kind, r.position, r.detail, "
			+ "d.id, f.position, f.box_x, f.box_y, f.box_width, f.box_height, c.field_id, " + CORRECTION_COLUMNS
			+ " FROM fields f JOIN pages p ON p.id = f.page_id JOIN documents d ON d.id = p.document_id "
			+ "LEFT JOIN corrections c ON c.id = (SELECT MAX(l.id) FROM corrections l WHERE l.field_id = f.id "
			+ "AND l.undone_at IS NULL) "
			+ "LEFT JOIN review_reasons r ON r.field_id = f.id ";

	/** The queue's order, for {@link #FIELD_ROWS}. */
	static final String QUEUE_ORDER = "d.id, p.page_index, f.position";

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
				QueuePlace place = new QueuePlace(rows.getLong(13), page - 1, rows.getInt(14));
				Optional<PixelBox> box = box(rows, 15);
				rows.getLong(19);
				Optional<Correction> verification = rows.wasNull() ? Optional.empty()
						: Optional.of(correction(rows, 20, id));
				List<ReviewReason> reasons = new ArrayList<>();
				do {
					String kind = rows.getString(10);
					if (kind != null) {
						reasons.add(new ReviewReason(ReviewReason.Kind.valueOf(kind), rows.getInt(11),
								rows.getString(12)));
					}
					more = rows.next();
				} while (more && rows.getLong(1) == id);
				action.accept(new StoredField(id, sourceFile, page, templateId, name, value, status, confidence,
						reasons, proposal, verification, place, box));
			}
		}
	}

	/** Reads {@link #CORRECTION_COLUMNS} from column {@code first} on. */
	static Correction correction(ResultSet rows, int first, long fieldId) throws SQLException {
		String positions = rows.getString(first + 5);
		List<Integer> changed = new ArrayList<>();
		if (positions != null && !positions.isEmpty()) {
			for (String position : positions.split(",")) {
				changed.add(Integer.parseInt(position));
			}
		}
		String oldValue = rows.getString(first);
		String newValue = rows.getString(first + 1);
		if (positions == null) {
			// decided before efforts were kept
			changed = Correction.changed(oldValue, newValue);
		}
		String undoneBy = rows.getString(first + 8);
		Optional<Correction.Undo> undone = undoneBy == null ? Optional.empty()
				: Optional.of(new Correction.Undo(undoneBy, StoreDatabase.instant(rows, first + 9)));
		return new Correction(fieldId, oldValue, newValue, FieldStatus.ofCode(rows.getString(first + 2)),
				rows.getString(first + 3), StoreDatabase.instant(rows, first + 4), changed, rows.getDouble(first + 6),
				rows.getInt(first + 7), undone);
	}

	/** Positions as stored: "0,3". */
	static String positions(List<Integer> positions) {
		StringBuilder text = new StringBuilder();
		for (int position : positions) {
			text.append(text.length() == 0 ? "" : ",").append(position);
		}
		return text.toString();
	}

	/** Four columns from {@code first} on: x, y, width, height, or NULLs. */
	static Optional<PixelBox> box(ResultSet rows, int first) throws SQLException {
		int x = rows.getInt(first);
		if (rows.wasNull()) {
			return Optional.empty();
		}
		return Optional.of(new PixelBox(x, rows.getInt(first + 1), rows.getInt(first + 2), rows.getInt(first + 3)));
	}
}
