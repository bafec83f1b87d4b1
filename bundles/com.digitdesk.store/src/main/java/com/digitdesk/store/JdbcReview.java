package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.store.ClerkDecision;
import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageScan;
import com.digitdesk.api.store.QueuePlace;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;

/**
 * The clerks' part of a store: the review queue in document order, a field
 * with its digits and images, the claims that keep two clerks off one field,
 * a clerk's decision recorded with the field's new value (and undone), and
 * the corrections the learning loop takes its samples from.
 */
final class JdbcReview implements FieldReview {

	private final StoreDatabase database;

	JdbcReview(StoreDatabase database) {
		this.database = database;
	}

	@Override
	public List<StoredField> reviewQueue(int limit) throws StoreException {
		return reviewQueue(QueuePlace.START, true, null, limit);
	}

	@Override
	public List<StoredField> reviewQueue(QueuePlace from, boolean forward, String clerk, int limit)
			throws StoreException {
		Objects.requireNonNull(from, "from");
		if (limit <= 0) {
			return List.of();
		}
		String what = clerk == null ? "reading the review queue" : "reading the review queue for " + clerk;
		return database.read(what, c -> {
			List<Long> ids = QueueWalk.ids(c, from, forward, clerk, limit);
			return fields(c, ids);
		});
	}

	/** The fields with these ids, in this order. */
	private static List<StoredField> fields(Connection c, List<Long> ids) throws SQLException {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, StoredField> byId = new HashMap<>();
		try (PreparedStatement select = c.prepareStatement(FieldRows.FIELD_ROWS + "WHERE f.id IN ("
				+ String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ") ORDER BY f.id, r.ordinal")) {
			for (int i = 0; i < ids.size(); i++) {
				select.setLong(i + 1, ids.get(i));
			}
			FieldRows.read(select, field -> byId.put(field.id(), field));
		}
		List<StoredField> fields = new ArrayList<>(ids.size());
		for (long id : ids) {
			StoredField field = byId.get(id);
			if (field != null) {
				fields.add(field);
			}
		}
		return fields;
	}

	@Override
	public int waitingCount() throws StoreException {
		return database.list("counting the waiting fields", "SELECT COUNT(*) FROM fields f JOIN pages p "
				+ "ON p.id = f.page_id JOIN documents d ON d.id = p.document_id "
				+ "WHERE f.status = 'needs_review' AND d.complete", rows -> rows.getInt(1)).get(0);
	}

	@Override
	public List<StoredField> pageFields(long fieldId) throws StoreException {
		return database.read("reading the page of field " + fieldId, c -> {
			try (PreparedStatement select = c.prepareStatement(FieldRows.FIELD_ROWS
					+ "WHERE f.page_id = (SELECT o.page_id FROM fields o WHERE o.id = ?) ORDER BY f.position, r.ordinal")) {
				select.setLong(1, fieldId);
				List<StoredField> fields = new ArrayList<>();
				FieldRows.read(select, fields::add);
				return fields;
			}
		});
	}

	@Override
	public Optional<PageScan> pageScan(long fieldId) throws StoreException {
		return database.list("reading the scanned page of field " + fieldId, "SELECT i.raster_width, "
				+ "i.raster_height, i.png FROM page_images i JOIN fields f ON f.page_id = i.page_id WHERE f.id = ?",
				rows -> new PageScan(rows.getInt(1), rows.getInt(2), rows.getBytes(3), Map.of()), fieldId).stream()
				.findFirst();
	}

	@Override
	public Optional<FieldImage> fieldImage(long fieldId) throws StoreException {
		return database.list("reading the snippet of field " + fieldId, "SELECT x, y, width, height, png "
				+ "FROM field_images WHERE field_id = ?",
				rows -> new FieldImage(FieldRows.box(rows, 1).orElseThrow(), rows.getBytes(5)), fieldId).stream()
				.findFirst();
	}

	@Override
	public boolean claimField(long fieldId, String clerk, Duration lease) throws StoreException {
		Objects.requireNonNull(clerk, "clerk");
		positive(lease);
		return database.read("claiming field " + fieldId + " for " + clerk,
				c -> FieldClaims.claim(c, fieldId, clerk, lease));
	}

	@Override
	public int renewFieldClaims(String clerk, Duration lease) throws StoreException {
		Objects.requireNonNull(clerk, "clerk");
		positive(lease);
		return database.read("renewing the field claims of " + clerk, c -> FieldClaims.renewAll(c, clerk, lease));
	}

	@Override
	public void releaseField(long fieldId, String clerk) throws StoreException {
		Objects.requireNonNull(clerk, "clerk");
		database.read("releasing field " + fieldId + " of " + clerk, c -> {
			FieldClaims.release(c, fieldId, clerk);
			return null;
		});
	}

	@Override
	public List<StoredField> claimedFields(String clerk) throws StoreException {
		Objects.requireNonNull(clerk, "clerk");
		return database.read("reading the fields claimed by " + clerk, c -> {
			try (PreparedStatement select = c.prepareStatement(FieldRows.FIELD_ROWS
					+ "WHERE f.status = 'needs_review' AND f.id IN (SELECT k.field_id FROM field_claims k "
					+ "WHERE k.clerk = ? AND k.lease_until > CURRENT_TIMESTAMP) ORDER BY " + FieldRows.QUEUE_ORDER
					+ ", r.ordinal")) {
				select.setString(1, clerk);
				List<StoredField> fields = new ArrayList<>();
				FieldRows.read(select, fields::add);
				return fields;
			}
		});
	}

	@Override
	public StoredField decide(long fieldId, ClerkDecision decision) throws StoreException {
		Objects.requireNonNull(decision, "decision");
		String what = (decision.value().isPresent() ? "verifying" : "rejecting") + " field " + fieldId + " for "
				+ decision.clerk();
		return database.write(what, c -> {
			String status;
			String oldValue;
			try (PreparedStatement lock = c
					.prepareStatement("SELECT current_value, status FROM fields WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, fieldId);
				try (ResultSet rows = lock.executeQuery()) {
					if (!rows.next()) {
						throw new StoreException(what + ": there is no field " + fieldId);
					}
					oldValue = rows.getString(1);
					status = rows.getString(2);
				}
			}
			if (!FieldStatus.NEEDS_REVIEW.code().equals(status)) {
				String by = FieldRows.field(c, fieldId).flatMap(StoredField::verification)
						.map(v -> " by " + v.user()).orElse("");
				throw new StoreException(what + ": it no longer waits (" + status + by + "); nothing was written");
			}
			Optional<String> holder = FieldClaims.lockHolder(c, fieldId);
			if (holder.isPresent() && !holder.get().equals(decision.clerk())) {
				throw new StoreException(what + ": " + holder.get() + " has it on screen; nothing was written");
			}
			String value = decision.value().orElse(oldValue);
			long correctionId = record(c, fieldId, oldValue, value, decision.outcome(), decision.clerk(),
					decision.rejectReason().orElse(null), decision.spent().toNanos() / 1e9, decision.keystrokes());
			SampleRows.keep(c, correctionId, fieldId, decision);
			FieldClaims.clear(c, fieldId);
			return FieldRows.field(c, fieldId).orElseThrow();
		});
	}

	@Override
	public StoredField undo(long fieldId, String clerk) throws StoreException {
		Objects.requireNonNull(clerk, "clerk");
		String what = "undoing the decision on field " + fieldId + " for " + clerk;
		return database.write(what, c -> {
			try (PreparedStatement lock = c.prepareStatement("SELECT id FROM fields WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, fieldId);
				try (ResultSet rows = lock.executeQuery()) {
					if (!rows.next()) {
						throw new StoreException(what + ": there is no field " + fieldId);
					}
				}
			}
			long decisionId;
			String before;
			try (PreparedStatement select = c.prepareStatement("SELECT id, old_value, user_name FROM corrections "
					+ "WHERE field_id = ? AND undone_at IS NULL ORDER BY id DESC")) {
				select.setMaxRows(1);
				select.setLong(1, fieldId);
				try (ResultSet rows = select.executeQuery()) {
					if (!rows.next()) {
						throw new StoreException(what + ": the field has no decision to undo");
					}
					if (!rows.getString(3).equals(clerk)) {
						throw new StoreException(what + ": its decision is " + rows.getString(3) + "'s");
					}
					decisionId = rows.getLong(1);
					before = rows.getString(2);
				}
			}
			try (PreparedStatement update = c
					.prepareStatement("UPDATE corrections SET undone_by = ?, undone_at = ? WHERE id = ?")) {
				update.setString(1, clerk);
				update.setObject(2, StoreDatabase.timestamp(StoreDatabase.now()));
				update.setLong(3, decisionId);
				update.executeUpdate();
			}
			SampleRows.withdraw(c, decisionId, clerk);
			try (PreparedStatement update = c.prepareStatement(
					"UPDATE fields SET current_value = ?, status = '" + FieldStatus.NEEDS_REVIEW.code() + "' WHERE id = ?")) {
				update.setString(1, before);
				update.setLong(2, fieldId);
				update.executeUpdate();
			}
			return FieldRows.field(c, fieldId).orElseThrow();
		});
	}

	private static void positive(Duration lease) {
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("a claim's lease must be longer than zero, not " + lease);
		}
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
			record(c, fieldId, oldValue, value, outcome, user, note, 0, 0);
			FieldClaims.clear(c, fieldId);
			return FieldRows.field(c, fieldId).orElseThrow();
		});
	}

	/** The decision's row and the field's new value and status, in the caller's transaction. */
	/** Records a decision and sets the field by it; answers the decision's number. */
	private static long record(Connection c, long fieldId, String oldValue, String value, FieldStatus outcome,
			String user, String note, double seconds, int keystrokes) throws SQLException {
		long correctionId;
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO corrections (field_id, old_value, "
				+ "new_value, outcome, user_name, at, note, changed_positions, seconds, keystrokes) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
			insert.setLong(1, fieldId);
			insert.setString(2, oldValue);
			insert.setString(3, value);
			insert.setString(4, outcome.code());
			insert.setString(5, user);
			insert.setObject(6, StoreDatabase.timestamp(StoreDatabase.now()));
			insert.setString(7, note);
			insert.setString(8, FieldRows.positions(Correction.changed(oldValue, value)));
			insert.setDouble(9, seconds);
			insert.setInt(10, keystrokes);
			insert.executeUpdate();
			correctionId = StoreDatabase.generatedKey(insert);
		}
		try (PreparedStatement update = c
				.prepareStatement("UPDATE fields SET current_value = ?, status = ? WHERE id = ?")) {
			update.setString(1, value);
			update.setString(2, outcome.code());
			update.setLong(3, fieldId);
			update.executeUpdate();
		}
		return correctionId;
	}

	@Override
	public List<Correction> corrections(long fieldId) throws StoreException {
		return database.list("reading the corrections of field " + fieldId, "SELECT " + FieldRows.CORRECTION_COLUMNS
				+ " FROM corrections c WHERE c.field_id = ? ORDER BY c.id", rows -> FieldRows.correction(rows, 1, fieldId),
				fieldId);
	}
}
