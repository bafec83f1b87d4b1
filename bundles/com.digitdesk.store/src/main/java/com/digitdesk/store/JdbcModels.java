package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.store.ModelState;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ModelVersions;
import com.digitdesk.api.store.NewModel;
import com.digitdesk.api.store.StoreException;

/**
 * Model versions in the store. Promotions and rollbacks lock every model
 * row first: two at once take turns, and one version only is ever current.
 */
final class JdbcModels implements ModelVersions {

	private static final String COLUMNS = "version_name, state, parent, sha256, card, figures, note, created_at";

	private final StoreDatabase database;

	JdbcModels(StoreDatabase database) {
		this.database = database;
	}

	@Override
	public List<ModelVersion> models() throws StoreException {
		return database.list("listing the model versions", "SELECT " + COLUMNS + " FROM models ORDER BY id DESC",
				JdbcModels::version);
	}

	@Override
	public Optional<ModelVersion> currentModel() throws StoreException {
		return database.read("reading the current model", JdbcModels::current);
	}

	@Override
	public ModelVersion addModel(NewModel model) throws StoreException {
		Objects.requireNonNull(model, "model");
		return database.write("adding a model version", c -> {
			if (model.parent().isPresent() && find(c, model.parent().get()).isEmpty()) {
				throw new StoreException("adding a model version: its parent " + model.parent().get()
						+ " is no version of this store");
			}
			// versions are numbered in the order they were added, without the gaps an identity column may
			// leave after a crash; additions wait for each other here
			lockAll(c);
			long id;
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO models (version_name, parent, state, graph, "
					+ "sha256, card, figures, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					Statement.RETURN_GENERATED_KEYS)) {
				byte[] graph = model.graph();
				// a name no other row has until the row's own number names it
				insert.setString(1, "new-" + Sha256.of(graph) + "-" + System.nanoTime());
				insert.setString(2, model.parent().orElse(null));
				insert.setString(3, ModelState.CANDIDATE.code());
				insert.setBytes(4, graph);
				insert.setString(5, Sha256.of(graph));
				insert.setString(6, model.card());
				insert.setString(7, model.figures());
				insert.setString(8, model.note());
				insert.setObject(9, StoreDatabase.timestamp(StoreDatabase.now()));
				insert.executeUpdate();
				id = StoreDatabase.generatedKey(insert);
			}
			String version;
			try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM models");
					ResultSet rows = count.executeQuery()) {
				rows.next();
				version = "v" + rows.getLong(1);
			}
			try (PreparedStatement name = c.prepareStatement("UPDATE models SET version_name = ? WHERE id = ?")) {
				name.setString(1, version);
				name.setLong(2, id);
				name.executeUpdate();
			}
			return find(c, version).orElseThrow();
		});
	}

	@Override
	public ModelVersion noteModel(String version, String note) throws StoreException {
		Objects.requireNonNull(note, "note");
		String what = "noting model " + version;
		return database.write(what, c -> {
			try (PreparedStatement update = c.prepareStatement("UPDATE models SET note = ? WHERE version_name = ?")) {
				update.setString(1, note);
				update.setString(2, version);
				if (update.executeUpdate() == 0) {
					throw new StoreException(what + ": there is no such version");
				}
			}
			return find(c, version).orElseThrow();
		});
	}

	@Override
	public byte[] modelGraph(String version) throws StoreException {
		String what = "reading the graph of model " + version;
		return database.read(what, c -> {
			try (PreparedStatement select = c
					.prepareStatement("SELECT graph, sha256 FROM models WHERE version_name = ?")) {
				select.setString(1, version);
				try (ResultSet rows = select.executeQuery()) {
					if (!rows.next()) {
						throw new StoreException(what + ": there is no such version");
					}
					byte[] graph = rows.getBytes(1);
					if (!Sha256.of(graph).equals(rows.getString(2))) {
						throw new StoreException(what + ": its bytes do not match their SHA-256; it is damaged");
					}
					return graph;
				}
			}
		});
	}

	@Override
	public ModelVersion promote(String version, String by) throws StoreException {
		Objects.requireNonNull(by, "by");
		String what = "promoting model " + version + " for " + by;
		return database.write(what, c -> {
			lockAll(c);
			ModelVersion target = find(c, version)
					.orElseThrow(() -> new StoreException(what + ": there is no such version"));
			if (target.state() == ModelState.CURRENT) {
				throw new StoreException(what + ": it is current already");
			}
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO model_promotions (version_name, "
					+ "promoted_by, promoted_at) VALUES (?, ?, ?)")) {
				insert.setString(1, version);
				insert.setString(2, by);
				insert.setObject(3, StoreDatabase.timestamp(StoreDatabase.now()));
				insert.executeUpdate();
			}
			makeCurrent(c, version);
			return find(c, version).orElseThrow();
		});
	}

	@Override
	public ModelVersion rollback(String by) throws StoreException {
		Objects.requireNonNull(by, "by");
		String what = "rolling the current model back for " + by;
		return database.write(what, c -> {
			lockAll(c);
			List<long[]> active = new ArrayList<>();
			List<String> versions = new ArrayList<>();
			try (PreparedStatement select = c.prepareStatement("SELECT id, version_name FROM model_promotions "
					+ "WHERE rolled_back_at IS NULL ORDER BY id DESC")) {
				select.setMaxRows(2);
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						active.add(new long[] { rows.getLong(1) });
						versions.add(rows.getString(2));
					}
				}
			}
			if (active.size() < 2) {
				throw new StoreException(what + ": no version was current before "
						+ (versions.isEmpty() ? "(none is current)" : versions.get(0)));
			}
			try (PreparedStatement update = c.prepareStatement("UPDATE model_promotions SET rolled_back_by = ?, "
					+ "rolled_back_at = ? WHERE id = ?")) {
				update.setString(1, by);
				update.setObject(2, StoreDatabase.timestamp(StoreDatabase.now()));
				update.setLong(3, active.get(0)[0]);
				update.executeUpdate();
			}
			makeCurrent(c, versions.get(1));
			return find(c, versions.get(1)).orElseThrow();
		});
	}

	/** Every model row locked, so that promotions and rollbacks take turns. */
	private static void lockAll(Connection c) throws SQLException {
		try (PreparedStatement lock = c.prepareStatement("SELECT id FROM models ORDER BY id FOR UPDATE");
				ResultSet rows = lock.executeQuery()) {
			while (rows.next()) {
				// locked
			}
		}
	}

	private static void makeCurrent(Connection c, String version) throws SQLException {
		try (PreparedStatement retire = c.prepareStatement("UPDATE models SET state = 'retired' WHERE state = 'current'");
				PreparedStatement current = c
						.prepareStatement("UPDATE models SET state = 'current' WHERE version_name = ?")) {
			retire.executeUpdate();
			current.setString(1, version);
			current.executeUpdate();
		}
	}

	private static Optional<ModelVersion> current(Connection c) throws SQLException {
		try (PreparedStatement select = c
				.prepareStatement("SELECT " + COLUMNS + " FROM models WHERE state = 'current'")) {
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() ? Optional.of(version(rows)) : Optional.empty();
			}
		}
	}

	private static Optional<ModelVersion> find(Connection c, String version) throws SQLException {
		try (PreparedStatement select = c
				.prepareStatement("SELECT " + COLUMNS + " FROM models WHERE version_name = ?")) {
			select.setString(1, version);
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() ? Optional.of(version(rows)) : Optional.empty();
			}
		}
	}

	private static ModelVersion version(ResultSet rows) throws SQLException {
		return new ModelVersion(rows.getString(1), ModelState.of(rows.getString(2)),
				Optional.ofNullable(rows.getString(3)), rows.getString(4), rows.getString(5), rows.getString(6),
				rows.getString(7), StoreDatabase.instant(rows, 8));
	}
}
