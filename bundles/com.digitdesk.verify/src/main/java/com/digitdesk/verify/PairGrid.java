package com.digitdesk.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.verify.ConfusionGrid;
import com.digitdesk.api.verify.ConfusionTile;
import com.digitdesk.api.verify.VerificationSession.Act;

/** One confusion pair's grid in a clerk's session. */
final class PairGrid implements ConfusionGrid {

	/** What the session does with the grid's fields. */
	interface Decider {
		/**
		 * Decides a waiting field with the value the grid gives it, its digits
		 * as the grid read them; false when another clerk has it.
		 */
		boolean decide(StoredField field, List<DigitResult> digits, String value, int keystrokes, Duration spent)
				throws StoreException;

		/** A key the clerk typed in the grid. */
		void count();
	}

	private final ConfusionPairs.Pair pair;
	private final Decider decider;
	private final Map<Integer, Integer> labels = new HashMap<>();
	private int cursor;
	private final long openedAt = System.nanoTime();

	PairGrid(ConfusionPairs.Pair pair, Decider decider) {
		this.pair = pair;
		this.decider = decider;
	}

	@Override
	public int read() {
		return pair.read();
	}

	@Override
	public int runnerUp() {
		return pair.runnerUp();
	}

	@Override
	public List<ConfusionTile> tiles() {
		return pair.tiles();
	}

	@Override
	public int cursor() {
		return cursor;
	}

	@Override
	public void move(int delta) {
		decider.count();
		cursor = Math.max(0, Math.min(pair.tiles().size() - 1, cursor + delta));
	}

	@Override
	public void relabel(char digit) {
		decider.count();
		if (digit >= '0' && digit <= '9') {
			labels.put(cursor, digit - '0');
			cursor = Math.min(pair.tiles().size() - 1, cursor + 1);
		}
	}

	@Override
	public Optional<Integer> relabelled(int tile) {
		return Optional.ofNullable(labels.get(tile));
	}

	@Override
	public Act confirm() throws StoreException {
		decider.count();
		// each field's new value: its relabelled digits replaced, the others as read
		Map<Long, String> values = new LinkedHashMap<>();
		Map<Long, StoredField> fields = new LinkedHashMap<>();
		Map<Long, Integer> relabels = new HashMap<>();
		List<ConfusionTile> tiles = pair.tiles();
		for (int i = 0; i < tiles.size(); i++) {
			ConfusionTile tile = tiles.get(i);
			long id = tile.field().id();
			fields.put(id, tile.field());
			String value = values.getOrDefault(id, tile.field().value());
			if (labels.containsKey(i)) {
				List<DigitResult> digits = pair.digits().get(id);
				value = ValueDigits.replace(value, digits, tile.position(), labels.get(i));
				relabels.merge(id, 1, Integer::sum);
			}
			values.put(id, value);
		}
		// the grid's time shared out over its fields
		Duration spent = Duration.ofNanos((System.nanoTime() - openedAt) / Math.max(1, values.size()));
		int decided = 0;
		List<String> taken = new ArrayList<>();
		for (Map.Entry<Long, String> entry : values.entrySet()) {
			StoredField field = fields.get(entry.getKey());
			if (decider.decide(field, pair.digits().get(entry.getKey()), entry.getValue(),
					relabels.getOrDefault(entry.getKey(), 0), spent)) {
				decided++;
			} else {
				taken.add(field.name());
			}
		}
		return Act.done("confirmed " + decided + " fields of the grid " + pair.read() + " or " + pair.runnerUp()
				+ (taken.isEmpty() ? "" : "; " + taken.size() + " taken by another clerk meanwhile"));
	}
}
