package com.digitdesk.api.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.image.PixelBox;

/**
 * A field as the pipeline read it, ready to store.
 *
 * @param name the template field
 * @param value normalized value (digits; amounts as "1234.56"; dates MMDDYYYY;
 *        "" when empty)
 * @param status {@link FieldStatus#AUTO_ACCEPTED} or
 *        {@link FieldStatus#NEEDS_REVIEW} when first stored
 * @param confidence the probability that the whole value is right
 * @param digits the digit positions
 * @param reasons why it needs review; empty when auto-accepted
 * @param proposal a value that satisfies the failed rule, built from the
 *        recognizer's next choices, for the clerk to confirm
 * @param box where the field's box is on the page raster, for the clerk's
 *        view of the page
 */
public record FieldResult(String name, String value, FieldStatus status, double confidence, List<DigitResult> digits,
		List<ReviewReason> reasons, Optional<String> proposal, Optional<PixelBox> box) {

	public FieldResult {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(proposal, "proposal");
		Objects.requireNonNull(box, "box");
		digits = List.copyOf(digits);
		reasons = List.copyOf(reasons);
		if (status == FieldStatus.AUTO_ACCEPTED && !reasons.isEmpty()) {
			throw new IllegalArgumentException("field " + name + " is auto-accepted but has review reasons");
		}
	}

	/** A field whose place on the page is not known. */
	public FieldResult(String name, String value, FieldStatus status, double confidence, List<DigitResult> digits,
			List<ReviewReason> reasons, Optional<String> proposal) {
		this(name, value, status, confidence, digits, reasons, proposal, Optional.empty());
	}
}
