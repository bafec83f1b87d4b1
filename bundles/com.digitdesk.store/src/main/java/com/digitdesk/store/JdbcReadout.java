package com.digitdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.ResultReadout;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoreSummary;
import com.digitdesk.api.store.StoredField;

/**
 * What a store hands out: every field of the complete documents for an
 * export, the counts of a summary, the quarantined files.
 */
final class JdbcReadout implements ResultReadout {

	private final StoreDatabase database;

	JdbcReadout(StoreDatabase database) {
		this.database = database;
	}

	@Override
	public void forEachField(Consumer<StoredField> action) throws StoreException {
		Objects.requireNonNull(action, "action");
		Consumer<StoredField> tunnel = field -> {
			try {
				action.accept(field);
			} catch (RuntimeException e) {
				throw new ActionFailure(e);
			}
		};
		try {
			// One transaction, so that PostgreSQL streams the rows with a cursor
			// instead of loading every field of the store at once.
			database.write("reading every field", c -> {
				try (PreparedStatement select = c.prepareStatement(FieldRows.FIELD_ROWS + "WHERE d.complete "
						+ "ORDER BY d.imported_at, d.id, p.page_index, f.position, r.ordinal")) {
					select.setFetchSize(1000);
					FieldRows.read(select, tunnel);
				}
				return null;
			});
		} catch (StoreException e) {
			if (e.getCause() instanceof ActionFailure failure) {
				throw failure.getCause();
			}
			throw e;
		}
	}

	/** The caller's action failed: its exception goes back to the caller as it was. */
	private static final class ActionFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ActionFailure(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}
	}

	@Override
	public StoreSummary summary() throws StoreException {
		return database.read("counting the store's contents", c -> {
			long documents;
			long pages;
			long quarantined;
			try (PreparedStatement select = c.prepareStatement("SELECT "
					+ "(SELECT COUNT(*) FROM documents WHERE complete), (SELECT COUNT(*) FROM pages), "
					+ "(SELECT COUNT(*) FROM quarantine)");
					ResultSet rows = select.executeQuery()) {
				rows.next();
				documents = rows.getLong(1);
				pages = rows.getLong(2);
				quarantined = rows.getLong(3);
			}
			Map<FieldStatus, Long> byStatus = new EnumMap<>(FieldStatus.class);
			for (FieldStatus status : FieldStatus.values()) {
				byStatus.put(status, 0L);
			}
			try (PreparedStatement select = c
					.prepareStatement("SELECT status, COUNT(*) FROM fields GROUP BY status");
					ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					byStatus.put(FieldStatus.ofCode(rows.getString(1)), rows.getLong(2));
				}
			}
			return new StoreSummary(documents, pages, byStatus, quarantined);
		});
	}

	@Override
	public List<QuarantineEntry> quarantined() throws StoreException {
		return database.list("listing quarantined files",
				"SELECT source_file, content_sha256, reason, at FROM quarantine ORDER BY at, id",
				rows -> new QuarantineEntry(rows.getString(1), rows.getString(2), rows.getString(3),
						StoreDatabase.instant(rows, 4)));
	}
}
