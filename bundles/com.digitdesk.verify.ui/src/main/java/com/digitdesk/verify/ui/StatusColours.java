package com.digitdesk.verify.ui;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

import com.digitdesk.api.store.FieldStatus;

/** The colour of a field's box by its status, the same in every view. */
final class StatusColours {

	private StatusColours() {
	}

	static Color of(Display display, FieldStatus status) {
		return switch (status) {
		case AUTO_ACCEPTED -> new Color(display, 40, 150, 60);
		case NEEDS_REVIEW -> new Color(display, 230, 140, 0);
		case VERIFIED -> new Color(display, 30, 90, 220);
		case REJECTED -> new Color(display, 200, 30, 30);
		};
	}

	static String word(FieldStatus status) {
		return switch (status) {
		case AUTO_ACCEPTED -> "accepted";
		case NEEDS_REVIEW -> "waiting";
		case VERIFIED -> "verified";
		case REJECTED -> "rejected";
		};
	}
}
