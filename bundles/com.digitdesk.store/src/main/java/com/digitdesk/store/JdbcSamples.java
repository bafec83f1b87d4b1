package com.digitdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Objects;

import com.digitdesk.api.store.Sample;
import com.digitdesk.api.store.SampleCount;
import com.digitdesk.api.store.SampleState;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.VerifiedSamples;

/** The clerks' verified digits, as training samples, and their guard. */
final class JdbcSamples implements VerifiedSamples {

	private final StoreDatabase database;

	JdbcSamples(StoreDatabase database) {
		this.database = database;
	}

	@Override
	public List<SampleCount> sampleCounts() throws StoreException {
		return database.list("counting the samples", "SELECT label, source, state, COUNT(*) FROM samples "
				+ "GROUP BY label, source, state ORDER BY label, source, state",
				rows -> new SampleCount(rows.getInt(1), rows.getString(2), SampleState.of(rows.getString(3)),
						rows.getLong(4)));
	}

	@Override
	public List<Sample> samples(SampleState state, int limit) throws StoreException {
		Objects.requireNonNull(state, "state");
		return database.read("reading the " + state.code() + " samples", c -> {
			try (PreparedStatement select = c.prepareStatement("SELECT " + SampleRows.COLUMNS
					+ " FROM samples s WHERE s.state = ? ORDER BY s.id")) {
				select.setMaxRows(Math.max(0, limit));
				select.setString(1, state.code());
				List<Sample> samples = new java.util.ArrayList<>();
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						samples.add(SampleRows.sample(rows));
					}
				}
				return samples;
			}
		});
	}

	@Override
	public Sample confirmSample(long sampleId, String clerk) throws StoreException {
		Objects.requireNonNull(clerk, "clerk");
		return settle(sampleId, clerk, "confirmed by " + clerk, true);
	}

	@Override
	public Sample acceptSample(long sampleId, String admin) throws StoreException {
		Objects.requireNonNull(admin, "admin");
		return settle(sampleId, admin, "accepted by " + admin, false);
	}

	/** A suspect sample's label settled: used for training from now on. */
	private Sample settle(long sampleId, String who, String note, boolean secondClerk) throws StoreException {
		String what = (secondClerk ? "confirming" : "accepting") + " sample " + sampleId + " for " + who;
		return database.write(what, c -> {
			Sample sample;
			try (PreparedStatement lock = c.prepareStatement("SELECT " + SampleRows.COLUMNS
					+ " FROM samples s WHERE s.id = ? FOR UPDATE")) {
				lock.setLong(1, sampleId);
				try (ResultSet rows = lock.executeQuery()) {
					if (!rows.next()) {
						throw new StoreException(what + ": there is no sample " + sampleId);
					}
					sample = SampleRows.sample(rows);
				}
			}
			if (sample.state() != SampleState.SUSPECT) {
				throw new StoreException(what + ": it is " + sample.state().code() + ", not suspect");
			}
			if (secondClerk && sample.clerk().equals(who)) {
				throw new StoreException(what + ": " + who + " gave its label; a second clerk confirms it");
			}
			String settled = note + " (was: " + sample.note() + ")";
			try (PreparedStatement update = c
					.prepareStatement("UPDATE samples SET state = 'accepted', note = ? WHERE id = ?")) {
				update.setString(1, settled);
				update.setLong(2, sampleId);
				update.executeUpdate();
			}
			return new Sample(sample.id(), sample.fieldId(), sample.position(), sample.image(), sample.label(),
					sample.readProbability(), sample.clerk(), sample.at(), sample.documentId(), sample.modelVersion(),
					sample.source(), SampleState.ACCEPTED, settled);
		});
	}
}
