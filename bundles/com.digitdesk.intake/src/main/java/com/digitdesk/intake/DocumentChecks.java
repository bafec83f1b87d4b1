package com.digitdesk.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.digitdesk.api.template.DocumentRule;
import com.digitdesk.api.template.FormTemplate;

/**
 * What a document's rules say of its pages' fields. A W-2's employee SSN
 * read exactly as the 1040's SSN, a line 1 that is the W-2s' box 1 added up
 * to the cent, are confirmed: two readings of different handwriting would
 * both have to be wrong the same way. An SSN that differs says nothing (a
 * spouse's W-2 carries another); wages that do not add up send the line and
 * the boxes to review (a digit misread, or a W-2 missing from the return).
 */
final class DocumentChecks {

	/**
	 * @param confirmed fields a document rule confirms
	 * @param failed fields a document rule holds back, with why
	 */
	record Findings(List<String> confirmed, Map<String, String> failed) {

		static final Findings NONE = new Findings(List.of(), Map.of());
	}

	private final Map<Integer, List<String>> confirmed = new HashMap<>();
	private final Map<Integer, Map<String, String>> failed = new HashMap<>();

	private DocumentChecks() {
	}

	/**
	 * @param pages the document's pages as read, in order
	 * @return by page index, what the document rules say of its fields
	 *         (pages they say nothing of are left out)
	 */
	static Map<Integer, Findings> of(List<ReadPage> pages) {
		DocumentChecks checks = new DocumentChecks();
		for (ReadPage page : pages) {
			if (page.template().isEmpty() || page.problem().isPresent()) {
				continue;
			}
			for (DocumentRule rule : page.template().get().documentRules()) {
				checks.check(page, rule, others(pages, page, rule.template()));
			}
		}
		Map<Integer, Findings> findings = new HashMap<>();
		for (ReadPage page : pages) {
			List<String> confirmedHere = checks.confirmed.getOrDefault(page.pageIndex(), List.of());
			Map<String, String> failedHere = checks.failed.getOrDefault(page.pageIndex(), Map.of());
			if (!confirmedHere.isEmpty() || !failedHere.isEmpty()) {
				findings.put(page.pageIndex(), new Findings(confirmedHere, failedHere));
			}
		}
		return findings;
	}

	private void check(ReadPage page, DocumentRule rule, List<ReadPage> others) {
		String target = value(page, rule.target());
		if (others.isEmpty() || target == null || target.indexOf('?') >= 0) {
			return;
		}
		switch (rule.operation()) {
		case SAME -> {
			for (ReadPage other : others) {
				if (!target.isEmpty() && target.equals(value(other, rule.field()))) {
					confirm(page, rule.target());
					confirm(other, rule.field());
				}
			}
		}
		case SUM -> {
			OptionalLong expected = AmountRule.cents(target);
			long sum = 0;
			for (ReadPage other : others) {
				String value = value(other, rule.field());
				OptionalLong cents = value == null ? OptionalLong.empty() : AmountRule.cents(value);
				if (cents.isEmpty()) {
					return;
				}
				sum += cents.getAsLong();
			}
			if (expected.isEmpty()) {
				return;
			}
			if (expected.getAsLong() == sum) {
				confirm(page, rule.target());
				others.forEach(other -> confirm(other, rule.field()));
			} else {
				String why = "document rule " + rule.name() + " fails: " + rule.target() + " is "
						+ AmountRule.format(expected.getAsLong()) + ", " + rule.field() + " of the " + others.size()
						+ " " + rule.template() + " page(s) adds up to " + AmountRule.format(sum);
				fail(page, rule.target(), why);
				others.forEach(other -> fail(other, rule.field(), why));
			}
		}
		}
	}

	private static List<ReadPage> others(List<ReadPage> pages, ReadPage page, String templateId) {
		return pages.stream().filter(other -> other != page && other.problem().isEmpty()
				&& other.template().map(FormTemplate::id).filter(templateId::equals).isPresent()).toList();
	}

	/** The field's value as read, or null when the page has no such field. */
	private static String value(ReadPage page, String field) {
		return page.fields().stream().filter(f -> f.spec().name().equals(field)).findFirst().map(ReadField::value)
				.orElse(null);
	}

	private void confirm(ReadPage page, String field) {
		List<String> fields = confirmed.computeIfAbsent(page.pageIndex(), index -> new ArrayList<>());
		if (!fields.contains(field)) {
			fields.add(field);
		}
	}

	private void fail(ReadPage page, String field, String why) {
		failed.computeIfAbsent(page.pageIndex(), index -> new LinkedHashMap<>()).putIfAbsent(field, why);
	}
}
