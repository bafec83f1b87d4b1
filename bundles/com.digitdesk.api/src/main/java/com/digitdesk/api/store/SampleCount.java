package com.digitdesk.api.store;

import java.util.Objects;

/** How many samples there are of one label, source and state. */
public record SampleCount(int label, String source, SampleState state, long count) {

	public SampleCount {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(state, "state");
	}
}
