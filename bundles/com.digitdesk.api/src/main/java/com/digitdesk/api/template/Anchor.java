package com.digitdesk.api.template;

import java.util.Objects;

/**
 * A printed mark the registration aligns a scan on.
 *
 * @param name unique within its template
 * @param kind what is printed there
 * @param box where it is printed, in template coordinates
 */
public record Anchor(String name, Kind kind, TemplateBox box) {

	public Anchor {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(box, "box");
	}

	/** The shapes registration knows how to find. */
	public enum Kind {
		/** A filled square, such as the corner marks of scannable forms. */
		SQUARE_MARK,
		/** A long horizontal rule. */
		HORIZONTAL_LINE,
		/** A long vertical rule. */
		VERTICAL_LINE
	}
}
