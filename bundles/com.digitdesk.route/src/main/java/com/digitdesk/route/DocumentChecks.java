package com.digitdesk.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import com.digitdesk.api.reading.ReadField;
import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.template.DocumentRule;
import com.digitdesk.api.template.FormTemplate;

/**
 * What a document's rules say of its pages' fields. A W-2's employee SSN
 * read exactly as the 1040's SSN, a line 1 that is the W-2s' box 1 added up
 * to the cent, are confirmed: two readings of different handwriting would
 * both have to be wrong the same way. An SSN that differs in many digits
 * says nothing (a spouse's W-2 carries another), one that differs in a
 * digit or two is a misreading on one side. Wages that do not add up send
 * the line and the boxes to review (a digit misread, or a W-2 missing from
 * the return), unless one doubtful field alone explains the difference:
 * then it is proposed the value that makes them add up and the others stand.
 */
final class DocumentChecks {

	/**
	 * @param confirmed fields a document rule confirms
	 * @param failed fields a document rule holds back, with why
	 * @param proposals values the rule suggests for fields it holds back
	 */
	record Findings(List<String> confirmed, Map<String, String> failed, Map<String, String> proposals) {

		static final Findings NONE = new Findings(List.of(), Map.of(), Map.of());
	}

	/** A rule's field on one page of the document. */
	private record Part(ReadPage page, ReadField field) {

		String value() {
			return field.value();
		}
	}

	private final FieldRouter router;
	private final Map<Integer, List<String>> confirmed = new HashMap<>();
	private final Map<Integer, Map<String, String>> failed = new HashMap<>();
	private final Map<Integer, Map<String, String>> proposals = new HashMap<>();

	private DocumentChecks(FieldRouter router) {
		this.router = router;
	}

	/**
	 * @param pages the document's pages as read, in order
	 * @param router tells which digits are in doubt
	 * @return by page index, what the document rules say of its fields
	 *         (pages they say nothing of are left out)
	 */
	static Map<Integer, Findings> of(List<ReadPage> pages, FieldRouter router) {
		DocumentChecks checks = new DocumentChecks(router);
		for (ReadPage page : pages) {
			if (page.template().isEmpty() || page.problem().isPresent()) {
				continue;
			}
			for (DocumentRule rule : page.template().get().documentRules()) {
				Optional<ReadField> target = field(page, rule.target());
				List<Part> others = new ArrayList<>();
				for (ReadPage other : others(pages, page, rule.template())) {
					field(other, rule.field()).ifPresent(field -> others.add(new Part(other, field)));
				}
				if (target.isPresent() && !others.isEmpty() && target.get().value().indexOf('?') < 0) {
					Part head = new Part(page, target.get());
					switch (rule.operation()) {
					case SAME -> checks.same(rule, head, others);
					case SUM -> checks.sum(rule, head, others);
					}
				}
			}
		}
		Map<Integer, Findings> findings = new HashMap<>();
		for (ReadPage page : pages) {
			List<String> confirmedHere = checks.confirmed.getOrDefault(page.pageIndex(), List.of());
			Map<String, String> failedHere = checks.failed.getOrDefault(page.pageIndex(), Map.of());
			if (!confirmedHere.isEmpty() || !failedHere.isEmpty()) {
				findings.put(page.pageIndex(), new Findings(confirmedHere, failedHere,
						checks.proposals.getOrDefault(page.pageIndex(), Map.of())));
			}
		}
		return findings;
	}

	private void same(DocumentRule rule, Part head, List<Part> others) {
		List<Part> nearMisses = new ArrayList<>();
		for (Part other : others) {
			if (!head.value().isEmpty() && head.value().equals(other.value())) {
				confirm(head);
				confirm(other);
			} else if (nearMiss(head.value(), other.value())) {
				nearMisses.add(other);
			}
		}
		boolean headConfirmed = isConfirmed(head);
		for (Part other : nearMisses) {
			String why = "document rule " + rule.name() + ": " + rule.target() + " on page " + (head.page().pageIndex() + 1)
					+ " reads " + head.value() + ", " + rule.field() + " on page " + (other.page().pageIndex() + 1)
					+ " reads " + other.value() + ": one of them is misread (another person's number would differ in more digits)";
			boolean headInDoubt = !headConfirmed && inDoubtWhereTheyDiffer(head, other.value());
			boolean otherInDoubt = inDoubtWhereTheyDiffer(other, head.value());
			if (headConfirmed || otherInDoubt && !headInDoubt) {
				fail(other, why, head.value());
			} else if (headInDoubt && !otherInDoubt) {
				fail(head, why, other.value());
			} else {
				fail(head, why, null);
				fail(other, why, null);
			}
		}
	}

	/**
	 * Two numbers of one person read apart: at most a quarter of the digits
	 * differ (one or two of an SSN's nine), which two people's numbers
	 * hardly ever do.
	 */
	static boolean nearMiss(String a, String b) {
		if (a.length() != b.length() || !a.chars().allMatch(Character::isDigit) || !b.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int differing = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				differing++;
			}
		}
		return differing >= 1 && differing <= a.length() / 4;
	}

	/** True when every digit of {@code part} that differs from {@code other} is one the router doubts. */
	private boolean inDoubtWhereTheyDiffer(Part part, String other) {
		List<Glyph> written = part.field().segmented().writtenGlyphs();
		if (written.size() != part.value().length()) {
			return false;
		}
		Set<Integer> doubtful = router.doubtfulPositions(part.field());
		for (int i = 0; i < written.size(); i++) {
			if (part.value().charAt(i) != other.charAt(i) && !doubtful.contains(written.get(i).position())) {
				return false;
			}
		}
		return true;
	}

	private void sum(DocumentRule rule, Part head, List<Part> others) {
		OptionalLong expected = AmountRule.cents(head.value());
		long sum = 0;
		for (Part other : others) {
			OptionalLong cents = AmountRule.cents(other.value());
			if (cents.isEmpty()) {
				return;
			}
			sum += cents.getAsLong();
		}
		if (expected.isEmpty()) {
			return;
		}
		if (expected.getAsLong() == sum) {
			confirm(head);
			others.forEach(this::confirm);
			return;
		}
		String why = "document rule " + rule.name() + " fails: " + rule.target() + " is "
				+ AmountRule.format(expected.getAsLong()) + ", " + rule.field() + " of the " + others.size() + " "
				+ rule.template() + " page(s) adds up to " + AmountRule.format(sum);
		// Each doubtful field taken in turn as the one unknown: what would the others make it?
		Map<Part, String> explanations = new LinkedHashMap<>();
		explain(head, sum, explanations);
		for (Part other : others) {
			explain(other, expected.getAsLong() - (sum - AmountRule.cents(other.value()).getAsLong()), explanations);
		}
		if (explanations.size() == 1) {
			Map.Entry<Part, String> explanation = explanations.entrySet().iterator().next();
			fail(explanation.getKey(), why + "; the other fields give " + explanation.getValue(), explanation.getValue());
			return;
		}
		Map<Part, ReadField> fields = new LinkedHashMap<>();
		fields.put(head, head.field());
		others.forEach(other -> fields.put(other, other.field()));
		Optional<LikeliestMisreading.Misreading<Part>> misreading = LikeliestMisreading.of(fields,
				values -> addsUp(head, values));
		if (misreading.isPresent()) {
			LikeliestMisreading.Misreading<Part> m = misreading.get();
			fail(m.field(), why + "; " + m.describe(name(m.field())), m.value());
			return;
		}
		List<Part> suspects = OneMisreadingSuspects.of(fields, trial -> addsUpInCents(head, trial));
		if (!suspects.isEmpty()) {
			String because = why + "; "
					+ OneMisreadingSuspects.describe(suspects.stream().map(DocumentChecks::name).toList());
			suspects.forEach(part -> fail(part, because, null));
			return;
		}
		fail(head, why, null);
		others.forEach(other -> fail(other, why, null));
	}

	/** "box1 on page 3" */
	private static String name(Part part) {
		return part.field().spec().name() + " on page " + (part.page().pageIndex() + 1);
	}

	/** Whether the head's value is the others' added up, all as given. */
	private static boolean addsUp(Part head, Map<Part, String> values) {
		return AmountRule.cents(values).map(cents -> addsUpInCents(head, cents)).orElse(false);
	}

	/** The same with every value in cents. */
	private static boolean addsUpInCents(Part head, Map<Part, Long> cents) {
		long sum = 0;
		for (Map.Entry<Part, Long> amount : cents.entrySet()) {
			if (!amount.getKey().equals(head)) {
				sum += amount.getValue();
			}
		}
		return cents.containsKey(head) && cents.get(head) == sum;
	}

	private void explain(Part part, long solvedCents, Map<Part, String> explanations) {
		Set<Integer> doubtful = router.doubtfulPositions(part.field());
		if (solvedCents < 0 || doubtful.isEmpty()) {
			return;
		}
		String value = AmountRule.format(solvedCents);
		if (FieldRouter.differsOnlyWhereInDoubt(part.field(), value, doubtful)) {
			explanations.put(part, value);
		}
	}

	private static List<ReadPage> others(List<ReadPage> pages, ReadPage page, String templateId) {
		return pages.stream().filter(other -> other != page && other.problem().isEmpty()
				&& other.template().map(FormTemplate::id).filter(templateId::equals).isPresent()).toList();
	}

	private static Optional<ReadField> field(ReadPage page, String name) {
		return page.fields().stream().filter(f -> f.spec().name().equals(name)).findFirst();
	}

	private void confirm(Part part) {
		List<String> fields = confirmed.computeIfAbsent(part.page().pageIndex(), index -> new ArrayList<>());
		if (!fields.contains(part.field().spec().name())) {
			fields.add(part.field().spec().name());
		}
	}

	private boolean isConfirmed(Part part) {
		return confirmed.getOrDefault(part.page().pageIndex(), List.of()).contains(part.field().spec().name());
	}

	/** Holds the part back with why; {@code proposal} (may be null) is the value the rule suggests for it. */
	private void fail(Part part, String why, String proposal) {
		String name = part.field().spec().name();
		failed.computeIfAbsent(part.page().pageIndex(), index -> new LinkedHashMap<>()).putIfAbsent(name, why);
		if (proposal != null) {
			proposals.computeIfAbsent(part.page().pageIndex(), index -> new LinkedHashMap<>()).putIfAbsent(name, proposal);
		}
	}
}
