package com.digitdesk.api.identification;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of identifying a page.
 *
 * @param templateId the template the page is, empty when it is no known form
 * @param score how sure the identifier is, 0..1
 * @param evidence what the decision rests on, for people (e.g. the title read)
 */
public record Identification(Optional<String> templateId, double score, String evidence) {

	public Identification {
		Objects.requireNonNull(templateId, "templateId");
		Objects.requireNonNull(evidence, "evidence");
		if (score < 0 || score > 1) {
			throw new IllegalArgumentException("score must be in [0,1]: " + score);
		}
	}

	public static Identification known(String templateId, double score, String evidence) {
		return new Identification(Optional.of(templateId), score, evidence);
	}

	public static Identification unknown(String evidence) {
		return new Identification(Optional.empty(), 0, evidence);
	}

	public boolean isKnown() {
		return templateId.isPresent();
	}
}
