package com.digitdesk.api.intake;

import java.util.Objects;

/**
 * How an import stands.
 *
 * @param files the files to import
 * @param filesDone files finished (stored, already stored or quarantined)
 * @param pages pages stored
 * @param fields fields stored
 * @param needsReview fields among them that wait for a clerk
 * @param failed files quarantined
 * @param seconds since it started
 * @param etaSeconds the time left at the pace so far, or -1 when unknown
 * @param state where it stands
 * @param message why it stopped, when it did
 */
public record ImportStatus(int files, int filesDone, int pages, int fields, int needsReview, int failed,
		double seconds, double etaSeconds, State state, String message) {

	public ImportStatus {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(message, "message");
	}

	public enum State {
		RUNNING, DONE, CANCELLED, STOPPED
	}

	public boolean finished() {
		return state != State.RUNNING;
	}
}
