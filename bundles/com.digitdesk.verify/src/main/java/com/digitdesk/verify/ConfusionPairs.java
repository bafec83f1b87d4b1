package com.digitdesk.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.QueuePlace;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.verify.ConfusionTile;

/**
 * Groups the doubtful digits of waiting fields by what the recognizer read
 * and its runner-up. A field takes part only when every reason it waits is a
 * doubtful digit of one and the same pair, so that the grid's answer decides
 * it.
 */
final class ConfusionPairs {

	/** How many waiting fields, from the queue's head, are looked at. */
	static final int FIELDS_LOOKED_AT = 500;

	/** A pair's tiles, and the fields' digits to rewrite their values with. */
	record Pair(int read, int runnerUp, List<ConfusionTile> tiles, Map<Long, List<DigitResult>> digits) {
	}

	private ConfusionPairs() {
	}

	static List<Pair> of(FieldReview store, String clerk) throws StoreException {
		Map<String, List<ConfusionTile>> tiles = new LinkedHashMap<>();
		Map<String, Map<Long, List<DigitResult>>> digitsOf = new LinkedHashMap<>();
		for (StoredField field : store.reviewQueue(QueuePlace.START, true, clerk, FIELDS_LOOKED_AT)) {
			if (field.reasons().isEmpty() || !field.reasons().stream()
					.allMatch(r -> r.kind() == ReviewReason.Kind.LOW_CONFIDENCE_DIGIT && r.position() >= 0)) {
				continue;
			}
			List<DigitResult> digits = store.digits(field.id());
			String pair = null;
			List<ConfusionTile> own = new ArrayList<>();
			for (ReviewReason reason : field.reasons()) {
				Optional<int[]> choices = choices(digits, reason.position());
				String key = choices.map(c -> c[0] + ":" + c[1]).orElse(null);
				if (key == null || pair != null && !pair.equals(key)
						|| ValueDigits.index(field.value(), digits, reason.position()) < 0) {
					pair = null;
					break;
				}
				pair = key;
				DigitResult digit = digits.get(reason.position());
				own.add(new ConfusionTile(field, reason.position(), digit.image(),
						digit.prediction().orElseThrow().confidence()));
			}
			if (pair != null) {
				tiles.computeIfAbsent(pair, k -> new ArrayList<>()).addAll(own);
				digitsOf.computeIfAbsent(pair, k -> new LinkedHashMap<>()).put(field.id(), digits);
			}
		}
		List<Pair> pairs = new ArrayList<>();
		for (Map.Entry<String, List<ConfusionTile>> entry : tiles.entrySet()) {
			String[] classes = entry.getKey().split(":");
			pairs.add(new Pair(Integer.parseInt(classes[0]), Integer.parseInt(classes[1]), entry.getValue(),
					digitsOf.get(entry.getKey())));
		}
		pairs.sort(Comparator.comparingInt((Pair p) -> p.tiles().size()).reversed());
		return pairs;
	}

	/** The digit read at a position and its runner-up, both digits. */
	private static Optional<int[]> choices(List<DigitResult> digits, int position) {
		if (position >= digits.size() || digits.get(position).prediction().isEmpty()) {
			return Optional.empty();
		}
		DigitPrediction prediction = digits.get(position).prediction().get();
		if (prediction.ranked().size() < 2) {
			return Optional.empty();
		}
		ClassProbability top = prediction.top();
		ClassProbability second = prediction.ranked().get(1);
		return top.isDigit() && second.isDigit() ? Optional.of(new int[] { top.digit(), second.digit() })
				: Optional.empty();
	}
}
