package com.digitdesk.export;

import java.util.Locale;
import java.util.stream.Collectors;

import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoredField;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One field as exported; the property names are the export's contract. */
@JsonPropertyOrder({ "source_file", "page", "template", "field", "value", "status", "confidence", "verified_by",
		"verified_at", "proposal", "reasons" })
record ExportRow(@JsonProperty("source_file") String sourceFile, @JsonProperty("page") int page,
		@JsonProperty("template") String template, @JsonProperty("field") String field,
		@JsonProperty("value") String value, @JsonProperty("status") String status,
		@JsonProperty("confidence") double confidence, @JsonProperty("verified_by") String verifiedBy,
		@JsonProperty("verified_at") String verifiedAt, @JsonProperty("proposal") String proposal,
		@JsonProperty("reasons") String reasons) {

	static ExportRow of(StoredField field) {
		return new ExportRow(field.sourceFile(), field.page(), field.templateId(), field.name(), field.value(),
				field.status().code(), Math.round(field.confidence() * 1e6) / 1e6,
				field.verification().map(Correction::user).orElse(null),
				field.verification().map(c -> c.at().toString()).orElse(null), field.proposal().orElse(null),
				field.reasons().isEmpty() ? null
						: field.reasons().stream().map(ExportRow::describe).collect(Collectors.joining("; ")));
	}

	/** "low_confidence_digit at 3: read 7 p=0.61, second choice 1 (0.38)" */
	static String describe(ReviewReason reason) {
		String kind = reason.kind().name().toLowerCase(Locale.ROOT);
		return reason.position() >= 0 ? kind + " at " + reason.position() + ": " + reason.detail()
				: kind + ": " + reason.detail();
	}
}
