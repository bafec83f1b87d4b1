package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import com.digitdesk.api.store.ClaimLostException;
import com.digitdesk.api.store.DocumentClaim;

/**
 * The SQL of the {@code claims} table: one row per claimed content, with its
 * claimant and the end of its lease.
 *
 * <p>Every lease is measured on the database's clock ({@code CURRENT_TIMESTAMP})
 * so that importers whose clocks disagree still agree on who holds what.
 * Races are settled by the database: the primary key lets one of two
 * simultaneous first claims in, and every change of an existing claim is one
 * conditional UPDATE, which row locks serialize and which re-reads a row that
 * changed while it waited.
 */
final class Claims {

	/** The end of a lease that starts now; its one parameter is the lease in seconds. */
	static final String LEASE_END = "CURRENT_TIMESTAMP + CAST(? AS DOUBLE PRECISION) * INTERVAL '1' SECOND";

	private static final String UNIQUE_VIOLATION = "23505";

	/** Rounds a lost race may take, each a moment long, before the claim counts as held by another. */
	private static final int ATTEMPTS = 3;

	private Claims() {
	}

	/**
	 * Claims {@code contentSha256} for {@code claimant}: renews the
	 * claimant's own unexpired claim, takes over an expired claim, or makes a
	 * new one. Runs each statement on its own (auto-commit): a failed INSERT
	 * aborts a PostgreSQL transaction.
	 */
	static Optional<DocumentClaim> claim(Connection c, String contentSha256, String claimant, Duration lease)
			throws SQLException {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			if (renewOrTakeOver(c, contentSha256, claimant, lease)) {
				return Optional.of(new DocumentClaim(contentSha256, claimant, lease));
			}
			if (insert(c, contentSha256, claimant, lease)) {
				return Optional.of(new DocumentClaim(contentSha256, claimant, lease));
			}
			// Another claim is there: unexpired, since the UPDATE above did not
			// take it over. Look again only if it was given up in between, or
			// is the claimant's own from a call running beside this one.
			Optional<String> holder = holder(c, contentSha256);
			if (holder.isPresent() && !holder.get().equals(claimant)) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static boolean renewOrTakeOver(Connection c, String contentSha256, String claimant, Duration lease)
			throws SQLException {
		try (PreparedStatement update = c.prepareStatement("UPDATE claims SET claimant = ?, lease_until = "
				+ LEASE_END + " WHERE content_sha256 = ? AND (claimant = ? OR lease_until <= CURRENT_TIMESTAMP)")) {
			update.setString(1, claimant);
			update.setDouble(2, seconds(lease));
			update.setString(3, contentSha256);
			update.setString(4, claimant);
			return update.executeUpdate() == 1;
		}
	}

	/** False when the content already has a claim (the primary key stopped the insert). */
	private static boolean insert(Connection c, String contentSha256, String claimant, Duration lease)
			throws SQLException {
		try (PreparedStatement insert = c.prepareStatement(
				"INSERT INTO claims (content_sha256, claimant, lease_until) VALUES (?, ?, " + LEASE_END + ")")) {
			insert.setString(1, contentSha256);
			insert.setString(2, claimant);
			insert.setDouble(3, seconds(lease));
			insert.executeUpdate();
			return true;
		} catch (SQLException e) {
			if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
				return false;
			}
			throw e;
		}
	}

	/** Who holds a claim on the content, expired or not. */
	static Optional<String> holder(Connection c, String contentSha256) throws SQLException {
		try (PreparedStatement select = c
				.prepareStatement("SELECT claimant FROM claims WHERE content_sha256 = ?")) {
			select.setString(1, contentSha256);
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
			}
		}
	}

	/** Renews every unexpired claim of {@code claimant}; returns how many. */
	static int renewAll(Connection c, String claimant, Duration lease) throws SQLException {
		try (PreparedStatement update = c.prepareStatement("UPDATE claims SET lease_until = " + LEASE_END
				+ " WHERE claimant = ? AND lease_until > CURRENT_TIMESTAMP")) {
			update.setDouble(1, seconds(lease));
			update.setString(2, claimant);
			return update.executeUpdate();
		}
	}

	/**
	 * The fence of a write: checks, inside the write's transaction, that
	 * {@code claim} is still held and unexpired, and renews it. The row stays
	 * locked until the transaction ends, so a takeover waits for the write and
	 * then finds the renewed lease; a takeover that came first makes this
	 * fail.
	 *
	 * @param what the write, for the message
	 * @throws ClaimLostException if the claim expired or another claimant
	 *         holds it; the caller's transaction is then rolled back
	 */
	static void hold(Connection c, DocumentClaim claim, String what) throws SQLException, ClaimLostException {
		try (PreparedStatement update = c.prepareStatement("UPDATE claims SET lease_until = " + LEASE_END
				+ " WHERE content_sha256 = ? AND claimant = ? AND lease_until > CURRENT_TIMESTAMP")) {
			update.setDouble(1, seconds(claim.lease()));
			update.setString(2, claim.contentSha256());
			update.setString(3, claim.claimant());
			if (update.executeUpdate() == 1) {
				return;
			}
		}
		Optional<String> holder = holder(c, claim.contentSha256());
		String state = holder.isEmpty() ? "it was given up"
				: holder.get().equals(claim.claimant()) ? "its lease ran out"
						: "its lease ran out and " + holder.get() + " took the content over";
		throw new ClaimLostException(what + ": " + claim.claimant() + " no longer holds the claim on content "
				+ claim.contentSha256() + " (" + state + "); nothing was written");
	}

	/** Gives a claim up if its claimant still holds it, expired or not. */
	static void release(Connection c, DocumentClaim claim) throws SQLException {
		try (PreparedStatement delete = c
				.prepareStatement("DELETE FROM claims WHERE content_sha256 = ? AND claimant = ?")) {
			delete.setString(1, claim.contentSha256());
			delete.setString(2, claim.claimant());
			delete.executeUpdate();
		}
	}

	/** A lease in seconds, to the microsecond both databases keep. */
	static double seconds(Duration lease) {
		return lease.getSeconds() + lease.getNano() / 1_000 / 1e6;
	}
}
