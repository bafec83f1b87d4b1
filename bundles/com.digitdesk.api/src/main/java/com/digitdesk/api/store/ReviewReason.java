package com.digitdesk.api.store;

import java.util.Objects;

/**
 * Why a field needs a clerk.
 *
 * @param kind the kind of doubt
 * @param position the digit position it concerns, or -1 for the whole field
 * @param detail for people, e.g. "p=0.71, second choice 7 (0.25)"
 */
public record ReviewReason(Kind kind, int position, String detail) {

	public ReviewReason {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(detail, "detail");
	}

	public enum Kind {
		LOW_CONFIDENCE_DIGIT,
		NOT_A_DIGIT,
		RULE_FAILED,
		SEGMENTATION_COUNT,
		REGISTRATION_RESIDUAL,
		UNREADABLE
	}
}
