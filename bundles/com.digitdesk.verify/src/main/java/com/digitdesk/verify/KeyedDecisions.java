package com.digitdesk.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.digitdesk.api.store.ClerkDecision;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.verify.KeyedOutcome;
import com.digitdesk.api.verify.KeyedValue;

/**
 * Values keyed elsewhere, applied as a clerk's decisions: matched to the
 * waiting fields by file, page and field name, checked against the field's
 * format, claimed as the window claims a field, decided with their labelled
 * digits. Each value is one transaction; the others go on when one fails.
 */
final class KeyedDecisions {

	/** Where these decisions come from, as samples and the audit record it. */
	static final String SOURCE = "csv";

	private KeyedDecisions() {
	}

	static List<KeyedOutcome> apply(FieldReview store, String clerk, List<KeyedValue> values, FieldSpecs specs,
			Duration lease, double suspectBelow) throws StoreException {
		Map<String, StoredField> waiting = new HashMap<>();
		for (StoredField field : store.reviewQueue(Integer.MAX_VALUE)) {
			waiting.put(key(field.sourceFile(), field.page(), field.name()), field);
		}
		List<KeyedOutcome> outcomes = new ArrayList<>();
		for (KeyedValue value : values) {
			StoredField field = waiting.remove(key(value.file(), value.page(), value.field()));
			outcomes.add(field == null ? new KeyedOutcome(value, false, "matches no waiting field")
					: apply(store, clerk, value, field, specs, lease, suspectBelow));
		}
		return outcomes;
	}

	private static KeyedOutcome apply(FieldReview store, String clerk, KeyedValue value, StoredField field,
			FieldSpecs specs, Duration lease, double suspectBelow) throws StoreException {
		Optional<FieldSpec> spec = specs.spec(field.templateId(), field.name());
		FieldKind kind = spec.map(FieldSpec::kind).orElse(FieldKind.NUMBER);
		Optional<String> refusal = FieldFormats.refusal(kind, spec, value.value());
		if (refusal.isPresent()) {
			return new KeyedOutcome(value, false, refusal.get());
		}
		if (!store.claimField(field.id(), clerk, lease)) {
			return new KeyedOutcome(value, false, "another clerk has the field on screen");
		}
		try {
			ClerkDecision decision = ClerkDecision.verified(clerk, value.value(), Duration.ZERO, 0)
					.labelling(DigitLabels.of(store.digits(field.id()), value.value(), suspectBelow)).from(SOURCE);
			store.decide(field.id(), decision);
			return new KeyedOutcome(value, true, "verified (read " + field.value() + ")");
		} catch (StoreException e) {
			store.releaseField(field.id(), clerk);
			return new KeyedOutcome(value, false, e.getMessage());
		}
	}

	private static String key(String file, int page, String field) {
		return file + "\u0000" + page + "\u0000" + field;
	}
}
