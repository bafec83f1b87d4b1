package com.digitdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;

/**
 * The clerks' part of a store: the review queue, a field with its digits,
 * a clerk's decision recorded with the field's new value, and the
 * corrections the learning loop takes its samples from.
 */
final class JdbcReview implements FieldReview {

	private final StoreDatabase database;

	JdbcReview(StoreDatabase database) {
		this.database = database;
	}

	@Override
	public List<StoredField> reviewQueue(int limit) throws StoreException {
		if (limit <= 0) {
			return List.of();
		}
		return database.read("reading the review queue", c -> {
			try (PreparedStatement select = c.prepareStatement(FieldRows.FIELD_ROWS
					+ "WHERE f.id IN (SELECT q.id FROM fields q JOIN pages qp ON qp.id = q.page_id "
					+ "JOIN documents qd ON qd.id = qp.document_id "
					+ "WHERE q.status = 'needs_review' AND qd.complete ORDER BY q.confidence, q.id LIMIT ?) "
					+ "ORDER BY f.confidence, f.id, r.ordinal")) {
				select.setInt(1, limit);
				List<StoredField> fields = new ArrayList<>();
				FieldRows.read(select, fields::add);
				return fields;
			}
		});
	}

	@Override
	public Optional<StoredField> field(long fieldId) throws StoreException {
		return database.read("reading field " + fieldId, c -> FieldRows.field(c, fieldId));
	}

	@Override
	public List<DigitResult> digits(long fieldId) throws StoreException {
		return database.list("reading the digits of field " + fieldId, "SELECT position, page_x, page_y, page_width, "
				+ "page_height, image, ranked FROM digits WHERE field_id = ? ORDER BY position", rows -> {
					String ranked = rows.getString(7);
					return new DigitResult(rows.getInt(1),
							new PixelBox(rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5)),
							new DigitImage(rows.getBytes(6)),
							ranked == null ? Optional.empty() : Optional.of(Rankings.decode(ranked)));
				}, fieldId);
	}

	@Override
	public StoredField verify(long fieldId, String value, String user) throws StoreException {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(user, "user");
		return decide("verifying field " + fieldId, fieldId, value, FieldStatus.VERIFIED, user, null);
	}

	@Override
	public StoredField reject(long fieldId, String user, String reason) throws StoreException {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(reason, "reason");
		return decide("rejecting field " + fieldId, fieldId, null, FieldStatus.REJECTED, user, reason);
	}

	/** Records a clerk's decision with the field's new value and status, in one transaction. */
	private StoredField decide(String what, long fieldId, String newValue, FieldStatus outcome, String user,
			String note) throws StoreException {
		return database.write(what, c -> {
			String oldValue;
			try (PreparedStatement lock = c
					.prepareStatement("SELECT current_value FROM fields WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, fieldId);
				try (ResultSet rows = lock.executeQuery()) {
					if (!rows.next()) {
						throw new StoreException(what + ": there is no field " + fieldId);
					}
					oldValue = rows.getString(1);
				}
			}
			// a rejection keeps the value as read: nothing typed or read is lost
			String value = newValue == null ? oldValue : newValue;
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO corrections "
					+ "(field_id, old_value, new_value, outcome, user_name, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
				insert.setLong(1, fieldId);
				insert.setString(2, oldValue);
				insert.setString(3, value);
				insert.setString(4, outcome.code());
				insert.setString(5, user);
				insert.setObject(6, StoreDatabase.timestamp(StoreDatabase.now()));
				insert.setString(7, note);
				insert.executeUpdate();
			}
			try (PreparedStatement update = c
					.prepareStatement("UPDATE fields SET current_value = ?, status = ? WHERE id = ?")) {
				update.setString(1, value);
				update.setString(2, outcome.code());
				update.setLong(3, fieldId);
				update.executeUpdate();
			}
			return FieldRows.field(c, fieldId).orElseThrow();
		});
	}

	@Override
	public List<Correction> corrections(long fieldId) throws StoreException {
		return database.list("reading the corrections of field " + fieldId, "SELECT old_value, new_value, outcome, "
				+ "user_name, at FROM corrections WHERE field_id = ? ORDER BY id",
				rows -> new Correction(fieldId, rows.getString(1), rows.getString(2),
						FieldStatus.ofCode(rows.getString(3)), rows.getString(4), StoreDatabase.instant(rows, 5)),
				fieldId);
	}
}
