package com.digitdesk.api.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.image.PixelBox;

/**
 * A field as the store holds it, with where it comes from.
 *
 * @param id store identifier
 * @param sourceFile the imported file's name
 * @param page 1-based page number
 * @param templateId the page's template
 * @param name the template field
 * @param value current value (a clerk's correction replaces the read one)
 * @param status where the field stands
 * @param confidence the probability that the read value is right
 * @param reasons why it was queued
 * @param proposal a rule-satisfying value offered to the clerk
 * @param verification who verified or rejected it, and when (the latest
 *        decision not undone)
 * @param place where it stands in the review queue's order
 * @param box where its box is on the page raster, when the importer knew
 */
public record StoredField(long id, String sourceFile, int page, String templateId, String name, String value,
		FieldStatus status, double confidence, List<ReviewReason> reasons, Optional<String> proposal,
		Optional<Correction> verification, QueuePlace place, Optional<PixelBox> box) {

	public StoredField {
		Objects.requireNonNull(sourceFile, "sourceFile");
		Objects.requireNonNull(templateId, "templateId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(proposal, "proposal");
		Objects.requireNonNull(verification, "verification");
		Objects.requireNonNull(place, "place");
		Objects.requireNonNull(box, "box");
		reasons = List.copyOf(reasons);
	}
}
