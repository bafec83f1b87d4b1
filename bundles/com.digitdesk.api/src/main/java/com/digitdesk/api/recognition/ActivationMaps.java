package com.digitdesk.api.recognition;

import java.util.Objects;

/**
 * What one layer of a network makes of a glyph: {@code count} square maps of
 * {@code side} by {@code side} activations, map after map, row by row.
 */
public record ActivationMaps(int count, int side, float[] values) {

	public ActivationMaps {
		Objects.requireNonNull(values, "values");
		if (count < 1 || side < 1 || values.length != count * side * side) {
			throw new IllegalArgumentException(count + " maps of " + side + "x" + side + " need "
					+ (count * side * side) + " values, not " + values.length);
		}
		values = values.clone();
	}

	@Override
	public float[] values() {
		return values.clone();
	}

	/** The activation at column x, row y of map {@code map}. */
	public float at(int map, int x, int y) {
		return values[(map * side + y) * side + x];
	}
}
