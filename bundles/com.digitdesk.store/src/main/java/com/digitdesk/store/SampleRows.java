package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.store.ClerkDecision;
import com.digitdesk.api.store.DigitLabel;
import com.digitdesk.api.store.Sample;
import com.digitdesk.api.store.SampleState;

/**
 * The training samples of decisions, in the decision's transaction: each
 * labelled digit's glyph copied with its label. A glyph kept with the same
 * label before is not kept again; one kept with another label is suspect.
 */
final class SampleRows {

	static final String COLUMNS = "s.id, s.field_id, s.position, s.image, s.label, s.read_probability, s.clerk, s.at, "
			+ "s.document_id, s.model_version, s.source, s.state, s.note";

	private SampleRows() {
	}

	/** Keeps the digits a decision labels; answers how many were kept. */
	static int keep(Connection c, long correctionId, long fieldId, ClerkDecision decision) throws SQLException {
		if (decision.labels().isEmpty()) {
			return 0;
		}
		long documentId;
		String model;
		try (PreparedStatement select = c.prepareStatement("SELECT p.document_id, p.model_version FROM fields f "
				+ "JOIN pages p ON p.id = f.page_id WHERE f.id = ?")) {
			select.setLong(1, fieldId);
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				documentId = rows.getLong(1);
				model = rows.getString(2);
			}
		}
		Map<Integer, byte[]> glyphs = glyphs(c, fieldId);
		int kept = 0;
		for (DigitLabel digit : decision.labels()) {
			byte[] glyph = glyphs.get(digit.position());
			if (glyph == null) {
				continue;
			}
			String hash = Sha256.of(glyph);
			String note = digit.suspect() ? String.format(java.util.Locale.ROOT,
					"the reading model gave %d a probability of %.2g", digit.label(), digit.readProbability()) : "";
			boolean same = false;
			try (PreparedStatement seen = c.prepareStatement("SELECT id, label FROM samples WHERE image_sha256 = ? "
					+ "AND state <> 'withdrawn' ORDER BY id")) {
				seen.setString(1, hash);
				try (ResultSet rows = seen.executeQuery()) {
					while (rows.next()) {
						if (rows.getInt(2) == digit.label()) {
							same = true;
						} else if (note.isEmpty()) {
							note = "sample " + rows.getLong(1) + " has the same glyph labelled " + rows.getInt(2);
						}
					}
				}
			}
			if (same) {
				continue;
			}
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO samples (correction_id, field_id, "
					+ "position, image, image_sha256, label, read_probability, clerk, at, document_id, model_version, "
					+ "source, state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				insert.setLong(1, correctionId);
				insert.setLong(2, fieldId);
				insert.setInt(3, digit.position());
				insert.setBytes(4, glyph);
				insert.setString(5, hash);
				insert.setInt(6, digit.label());
				insert.setDouble(7, digit.readProbability());
				insert.setString(8, decision.clerk());
				insert.setObject(9, StoreDatabase.timestamp(StoreDatabase.now()));
				insert.setLong(10, documentId);
				insert.setString(11, model);
				insert.setString(12, decision.source());
				insert.setString(13, (note.isEmpty() ? SampleState.ACCEPTED : SampleState.SUSPECT).code());
				insert.setString(14, note);
				insert.executeUpdate();
			}
			kept++;
		}
		return kept;
	}

	/** The samples of an undone decision are never used. */
	static void withdraw(Connection c, long correctionId, String clerk) throws SQLException {
		try (PreparedStatement update = c.prepareStatement("UPDATE samples SET state = 'withdrawn', note = ? "
				+ "WHERE correction_id = ?")) {
			update.setString(1, "decision undone by " + clerk);
			update.setLong(2, correctionId);
			update.executeUpdate();
		}
	}

	static Sample sample(ResultSet rows) throws SQLException {
		return new Sample(rows.getLong(1), rows.getLong(2), rows.getInt(3), new DigitImage(rows.getBytes(4)),
				rows.getInt(5), rows.getDouble(6), rows.getString(7), StoreDatabase.instant(rows, 8), rows.getLong(9),
				Optional.ofNullable(rows.getString(10)), rows.getString(11), SampleState.of(rows.getString(12)),
				rows.getString(13));
	}

	/** The field's glyphs by position, read once for all its labels. */
	private static Map<Integer, byte[]> glyphs(Connection c, long fieldId) throws SQLException {
		Map<Integer, byte[]> glyphs = new HashMap<>();
		try (PreparedStatement select = c.prepareStatement("SELECT position, image FROM digits WHERE field_id = ?")) {
			select.setLong(1, fieldId);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					glyphs.put(rows.getInt(1), rows.getBytes(2));
				}
			}
		}
		return glyphs;
	}
}
