package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The SQL of the {@code field_claims} table: one row per waiting field a
 * clerk has on screen, with the end of its lease.
 *
 * <p>Leases run on the database's clock, as the importers' {@link Claims}.
 * A claim is only made on a field that still waits; a decision locks the
 * field's claim row, so a takeover either comes before it (and the decision
 * is refused) or after it (and finds the field decided).
 */
final class FieldClaims {

	/** An unexpired claim of another clerk than the parameter's on field {@code q.id}. */
	static final String CLAIMED_BY_OTHERS = "EXISTS (SELECT 1 FROM field_claims k WHERE k.field_id = q.id "
			+ "AND k.clerk <> ? AND k.lease_until > CURRENT_TIMESTAMP)";

	private FieldClaims() {
	}

	/**
	 * Claims a waiting field: renews the clerk's own claim or takes over an
	 * expired one, else inserts one. Each statement on its own (auto-commit):
	 * a failed INSERT aborts a PostgreSQL transaction.
	 */
	static boolean claim(Connection c, long fieldId, String clerk, Duration lease) throws SQLException {
		try (PreparedStatement update = c.prepareStatement("UPDATE field_claims SET clerk = ?, lease_until = "
				+ Claims.LEASE_END + " WHERE field_id = ? AND (clerk = ? OR lease_until <= CURRENT_TIMESTAMP) "
				+ "AND EXISTS (SELECT 1 FROM fields f WHERE f.id = ? AND f.status = 'needs_review')")) {
			update.setString(1, clerk);
			update.setDouble(2, Claims.seconds(lease));
			update.setLong(3, fieldId);
			update.setString(4, clerk);
			update.setLong(5, fieldId);
			if (update.executeUpdate() == 1) {
				return true;
			}
		}
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO field_claims (field_id, clerk, lease_until) "
				+ "SELECT f.id, ?, " + Claims.LEASE_END + " FROM fields f WHERE f.id = ? AND f.status = 'needs_review' "
				+ "AND NOT EXISTS (SELECT 1 FROM field_claims k WHERE k.field_id = f.id)")) {
			insert.setString(1, clerk);
			insert.setDouble(2, Claims.seconds(lease));
			insert.setLong(3, fieldId);
			return insert.executeUpdate() == 1;
		} catch (SQLException e) {
			if (StoreDatabase.UNIQUE_VIOLATION.equals(e.getSQLState())) {
				// another clerk's claim came in between
				return false;
			}
			throw e;
		}
	}

	static int renewAll(Connection c, String clerk, Duration lease) throws SQLException {
		try (PreparedStatement update = c.prepareStatement("UPDATE field_claims SET lease_until = " + Claims.LEASE_END
				+ " WHERE clerk = ? AND lease_until > CURRENT_TIMESTAMP")) {
			update.setDouble(1, Claims.seconds(lease));
			update.setString(2, clerk);
			return update.executeUpdate();
		}
	}

	static void release(Connection c, long fieldId, String clerk) throws SQLException {
		try (PreparedStatement delete = c
				.prepareStatement("DELETE FROM field_claims WHERE field_id = ? AND clerk = ?")) {
			delete.setLong(1, fieldId);
			delete.setString(2, clerk);
			delete.executeUpdate();
		}
	}

	/**
	 * Locks the field's claim row for the caller's transaction and returns
	 * the clerk holding an unexpired claim on it, if any.
	 */
	static Optional<String> lockHolder(Connection c, long fieldId) throws SQLException {
		try (PreparedStatement select = c.prepareStatement("SELECT clerk, lease_until > CURRENT_TIMESTAMP "
				+ "FROM field_claims WHERE field_id = ? FOR UPDATE")) {
			select.setLong(1, fieldId);
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() && rows.getBoolean(2) ? Optional.of(rows.getString(1)) : Optional.empty();
			}
		}
	}

	/** Removes whatever claim the field has, in the caller's transaction. */
	static void clear(Connection c, long fieldId) throws SQLException {
		try (PreparedStatement delete = c.prepareStatement("DELETE FROM field_claims WHERE field_id = ?")) {
			delete.setLong(1, fieldId);
			delete.executeUpdate();
		}
	}
}
