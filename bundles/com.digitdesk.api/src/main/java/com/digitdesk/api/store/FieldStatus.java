package com.digitdesk.api.store;

/** Where a field stands. {@link #code()} is the spelling used in exports. */
public enum FieldStatus {
	/** Every digit confident and every rule satisfied: nobody needs to look. */
	AUTO_ACCEPTED("auto_accepted"),
	/** Queued for a clerk, with the reasons. */
	NEEDS_REVIEW("needs_review"),
	/** A clerk confirmed or corrected the value. */
	VERIFIED("verified"),
	/** A clerk decided the field cannot be read. */
	REJECTED("rejected");

	private final String code;

	FieldStatus(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static FieldStatus ofCode(String code) {
		for (FieldStatus status : values()) {
			if (status.code.equals(code)) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown field status: " + code);
	}
}
