package com.digitdesk.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.digitdesk.api.store.Sample;

/**
 * Splits verified digits by document for the shadow evaluation: the digits
 * of one form stay together on one side, so the held-out digits are of forms
 * neither model trained on. Documents are taken in the order of a hash of
 * their id (the same documents every time, whatever order the store lists
 * them in) until the held-out side has {@code share} of the digits: a store
 * of few large documents still holds enough out. As documents are added the
 * cut moves; a document the current model trained on may then be held out,
 * which favours the current model, never the candidate.
 */
final class HeldOutDocuments {

	/** The two sides. */
	record Split(List<Sample> fitting, List<Sample> heldOut) {
	}

	private HeldOutDocuments() {
	}

	static Split split(List<Sample> samples, double share) {
		Map<Long, List<Sample>> byDocument = new TreeMap<>();
		for (Sample sample : samples) {
			byDocument.computeIfAbsent(sample.documentId(), id -> new ArrayList<>()).add(sample);
		}
		List<Long> documents = new ArrayList<>(byDocument.keySet());
		documents.sort((a, b) -> Long.compareUnsigned(mixed(a), mixed(b)));
		long wanted = Math.round(samples.size() * share);
		List<Sample> fitting = new ArrayList<>();
		List<Sample> heldOut = new ArrayList<>();
		for (long document : documents) {
			// the last document always trains: with a single document nothing is held out
			boolean hold = heldOut.size() < wanted && document != documents.get(documents.size() - 1);
			(hold ? heldOut : fitting).addAll(byDocument.get(document));
		}
		return new Split(fitting, heldOut);
	}

	/** A stable scramble of an id (Fibonacci hashing), so documents in sequence are not held out in order. */
	private static long mixed(long id) {
		return id * 0x9E3779B97F4A7C15L;
	}
}
