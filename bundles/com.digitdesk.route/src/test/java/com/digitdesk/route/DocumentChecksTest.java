package com.digitdesk.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.routing.RoutingPolicy;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ReviewReason.Kind;
import com.digitdesk.api.template.FormTemplate;

class DocumentChecksTest {

	static final FormTemplate f1040 = FieldRouterTest.f1040;
	static final FormTemplate w2 = FieldRouterTest.w2;
	static final FieldRouter ROUTER = new FieldRouter(FieldRouterTest.POLICY);

	/** A return: the 1040 (line 1 = 12,000.00 + 200.50) and its two W-2s. */
	static List<Map<String, String>> aReturn() {
		Map<String, String> main = new HashMap<>(FieldRouterTest.consistentPage());
		main.put("line1", "12200.50");
		main.put("line9", "12350.00");
		Map<String, String> first = new HashMap<>(FieldRouterTest.consistentW2());
		first.put("employee_ssn", "123456789");
		Map<String, String> second = new HashMap<>(first);
		second.put("box1", "200.50");
		return List.of(main, first, second);
	}

	/** {@link #aReturn()} with one field of one of its pages read as {@code value}. */
	static List<Map<String, String>> aReturnReading(int page, String field, String value) {
		List<Map<String, String>> values = new ArrayList<>(aReturn());
		Map<String, String> changed = new HashMap<>(values.get(page));
		changed.put(field, value);
		values.set(page, changed);
		return values;
	}

	static List<ReadPage> read(List<Map<String, String>> values, Map<Integer, Map<String, Map<Integer, DigitPrediction>>> doubts) {
		List<FormTemplate> templates = List.of(f1040, w2, w2);
		return java.util.stream.IntStream.range(0, values.size())
				.mapToObj(i -> new ReadPage(i, Optional.of(templates.get(i)), 0.1,
						FieldRouterTest.read(templates.get(i), values.get(i), doubts.getOrDefault(i, Map.of())),
						Optional.empty()))
				.toList();
	}

	@Test
	void theW2sSsnsAndWagesAgreeingWithThe1040ConfirmThemAll() {
		Map<Integer, DocumentChecks.Findings> findings = DocumentChecks.of(read(aReturn(), Map.of()), ROUTER);
		assertThat(findings.get(0).confirmed()).containsExactlyInAnyOrder("ssn", "line1");
		assertThat(findings.get(1).confirmed()).containsExactlyInAnyOrder("employee_ssn", "box1");
		assertThat(findings.get(2).confirmed()).containsExactlyInAnyOrder("employee_ssn", "box1");
		assertThat(findings.values()).allSatisfy(page -> assertThat(page.failed()).isEmpty());
	}

	@Test
	void anotherSsnSaysNothingWagesThatDoNotAddUpAreHeldBack() {
		// A spouse's W-2: its SSN is not the 1040's; the wages still add up.
		List<Map<String, String>> values = aReturnReading(2, "employee_ssn", "987654321");
		Map<Integer, DocumentChecks.Findings> findings = DocumentChecks.of(read(values, Map.of()), ROUTER);
		assertThat(findings.get(0).confirmed()).containsExactlyInAnyOrder("ssn", "line1");
		assertThat(findings.get(2).confirmed()).containsExactly("box1");
		assertThat(findings.get(2).failed()).isEmpty();

		// A box 1 misread: 200.50 read 260.50, every digit sure. Line 1 and that box wait for a clerk: one
		// misread digit in either explains the failure. The first W-2's box 1 would have to be 11,940.00, two
		// digits off: it stands.
		values = aReturnReading(2, "box1", "260.50");
		List<ReadPage> pages = read(values, Map.of());
		findings = DocumentChecks.of(pages, ROUTER);
		assertThat(findings.get(0).confirmed()).containsExactly("ssn");
		assertThat(findings.get(0).failed()).containsOnlyKeys("line1");
		assertThat(findings.get(0).failed().get("line1")).contains("line 1 = box 1 of the W-2s", "12200.50",
				"12260.50", "one misreading in line1 on page 1, box1 on page 3");
		assertThat(findings.get(1).failed()).isEmpty();
		assertThat(findings.get(2).failed()).containsOnlyKeys("box1");

		// Both boxes misread (the first 12,000.00 read 12,700.00): no one misreading explains it, all three wait.
		values = new ArrayList<>(values);
		Map<String, String> first = new HashMap<>(values.get(1));
		first.put("box1", "12700.00");
		values.set(1, first);
		Map<Integer, DocumentChecks.Findings> twoWrong = DocumentChecks.of(read(values, Map.of()), ROUTER);
		assertThat(twoWrong.get(0).failed()).containsOnlyKeys("line1");
		assertThat(twoWrong.get(1).failed()).containsOnlyKeys("box1");
		assertThat(twoWrong.get(2).failed()).containsOnlyKeys("box1");
		Map<String, FieldResult> routed = route(pages.get(2), new FieldRouter(FieldRouterTest.POLICY), findings.get(2));
		assertThat(routed.get("box1").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		assertThat(routed.get("box2").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// A box 1 read as no digit: the wages cannot be added up, nothing is said of them.
		values = aReturnReading(2, "box1", "?00.50");
		findings = DocumentChecks.of(read(values, Map.of(2, Map.of("box1", Map.of(0, FieldRouterTest.ranked(-1, 0.9, 2, 0.1))))), ROUTER);
		assertThat(findings.get(0).confirmed()).containsExactly("ssn");
		assertThat(findings.get(0).failed()).isEmpty();
	}

	@Test
	void anSsnThatDiffersInADigitIsMisreadNotASpouses() {
		// The second W-2's SSN read 123456189: its 7 read as a doubtful 1. The first W-2 agrees with the 1040.
		List<Map<String, String>> values = aReturnReading(2, "employee_ssn", "123456189");
		List<ReadPage> pages = read(values, Map.of(2, Map.of("employee_ssn", Map.of(6, FieldRouterTest.ranked(1, 0.9, 7, 0.1)))));
		Map<Integer, DocumentChecks.Findings> findings = DocumentChecks.of(pages, ROUTER);
		assertThat(findings.get(0).confirmed()).contains("ssn");
		assertThat(findings.get(0).failed()).isEmpty();
		assertThat(findings.get(2).failed()).containsOnlyKeys("employee_ssn");
		assertThat(findings.get(2).failed().get("employee_ssn")).contains("123456789", "123456189", "page 1");
		assertThat(findings.get(2).proposals()).containsEntry("employee_ssn", "123456789");
		assertThat(route(pages.get(2), ROUTER, findings.get(2)).get("employee_ssn").proposal()).contains("123456789");

		// A lone W-2 whose reading is as sure as the 1040's: either may be wrong, both wait.
		Map<String, String> lone = new HashMap<>(values.get(2));
		lone.put("box1", "12200.50");
		pages = read(List.of(values.get(0), lone), Map.of());
		findings = DocumentChecks.of(pages, ROUTER);
		assertThat(findings.get(0).failed()).containsOnlyKeys("ssn");
		assertThat(findings.get(1).failed()).containsOnlyKeys("employee_ssn");
		assertThat(findings.get(0).proposals()).isEmpty();
		assertThat(findings.get(1).proposals()).isEmpty();
		assertThat(DocumentChecks.nearMiss("123456789", "123456189")).isTrue();
		assertThat(DocumentChecks.nearMiss("123456789", "123450089")).isTrue();
		assertThat(DocumentChecks.nearMiss("123456789", "123400089")).isFalse();
		assertThat(DocumentChecks.nearMiss("12345", "12355")).isTrue();
		assertThat(DocumentChecks.nearMiss("1234", "1235")).isTrue();
		assertThat(DocumentChecks.nearMiss("123", "124")).isFalse();
	}

	@Test
	void wagesThatDoNotAddUpHoldBackOnlyTheBoxThatExplainsIt() {
		// The second W-2's box 1 (200.50) read 260.50, the 6 in doubt with 0 its next choice.
		List<Map<String, String>> values = aReturnReading(2, "box1", "260.50");
		for (DigitPrediction six : List.of(FieldRouterTest.ranked(6, 0.8, 0, 0.19, 8, 0.01),
				// Or sure of the 6, but giving the 0 a chance no other digit has: the likeliest misreading.
				FieldRouterTest.ranked(6, 0.995, 0, 0.004, 8, 0.001))) {
			List<ReadPage> pages = read(values, Map.of(2, Map.of("box1", Map.of(1, six))));
			Map<Integer, DocumentChecks.Findings> findings = DocumentChecks.of(pages, ROUTER);
			assertThat(findings.get(0).failed()).isEmpty();
			assertThat(findings.get(1).failed()).isEmpty();
			assertThat(findings.get(2).failed()).containsOnlyKeys("box1");
			assertThat(findings.get(2).proposals()).containsEntry("box1", "200.50");
			assertThat(route(pages.get(0), ROUTER, findings.get(0)).get("line1").status())
					.isEqualTo(FieldStatus.AUTO_ACCEPTED);
		}
	}

	@Test
	void aLoneW2Or1040HasNothingToAgreeWith() {
		assertThat(DocumentChecks.of(read(aReturn().subList(0, 1), Map.of()), ROUTER)).isEmpty();
	}

	@Test
	void aConfirmedSsnNeedsOnlyTheRuleCheckedConfidence() {
		// The 1040's SSN has a doubtful 4; the W-2 reads the same SSN.
		RoutingPolicy lenient = new RoutingPolicy(0.99, 1.5, 8, 0.9);
		Map<Integer, Map<String, Map<Integer, DigitPrediction>>> doubt = Map.of(0,
				Map.of("ssn", Map.of(3, FieldRouterTest.ranked(4, 0.95, 9, 0.05))));
		List<ReadPage> pages = read(aReturn(), doubt);
		Map<Integer, DocumentChecks.Findings> findings = DocumentChecks.of(pages, ROUTER);
		assertThat(route(pages.get(0), new FieldRouter(lenient), findings.get(0)).get("ssn").status())
				.isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(route(pages.get(0), new FieldRouter(lenient), DocumentChecks.Findings.NONE).get("ssn").status())
				.isEqualTo(FieldStatus.NEEDS_REVIEW);
	}

	@Test
	void aBatchOfReturnsIsCheckedReturnByReturnAsPaperReturnsAreStacked() {
		// A lone W-2, then two returns scanned into one file: 1040, W-2, W-2, 1040, W-2.
		List<FormTemplate> templates = List.of(w2, f1040, w2, w2, f1040, w2);
		Map<String, String> allWages = new HashMap<>(aReturn().get(1));
		allWages.put("box1", "12200.50");
		// The second return's only W-2 carries all of its line 1.
		List<Map<String, String>> read = List.of(aReturn().get(2), aReturn().get(0), aReturn().get(1), aReturn().get(2),
				aReturn().get(0), allWages);
		List<ReadPage> pages = new ArrayList<>();
		for (int i = 0; i < templates.size(); i++) {
			Map<String, String> values = read.get(i);
			pages.add(new ReadPage(i, Optional.of(templates.get(i)), 0.1,
					FieldRouterTest.read(templates.get(i), values, Map.of()), Optional.empty()));
		}
		PageGroups grouping = new PageGroups();
		List<List<ReadPage>> groups = new ArrayList<>();
		pages.forEach(page -> groups.addAll(grouping.add(page)));
		groups.addAll(grouping.finish());
		assertThat(groups).extracting(group -> group.stream().map(ReadPage::pageIndex).toList())
				.containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5));
		Map<Integer, DocumentChecks.Findings> second = DocumentChecks.of(groups.get(2), ROUTER);
		assertThat(second.get(4).confirmed()).containsExactlyInAnyOrder("ssn", "line1");
		assertThat(second.get(4).failed()).isEmpty();
		// Read as one document, the second 1040's line 1 would be held against all three W-2s.
		assertThat(DocumentChecks.of(pages, ROUTER).get(4).failed()).containsOnlyKeys("line1");
	}

	@Test
	void aGroupIsClosedAfterMaxPagesSoThatMemoryStaysBounded() {
		PageGroups groups = new PageGroups();
		List<List<ReadPage>> closed = new ArrayList<>();
		closed.addAll(groups.add(new ReadPage(0, Optional.of(f1040), 0.1,
				FieldRouterTest.read(f1040, aReturn().get(0), Map.of()), Optional.empty())));
		for (int i = 1; i <= PageGroups.MAX_PAGES + 3; i++) {
			closed.addAll(groups.add(new ReadPage(i, Optional.of(w2), 0.1,
					FieldRouterTest.read(w2, aReturn().get(1), Map.of()), Optional.empty())));
		}
		closed.addAll(groups.finish());
		assertThat(closed.get(0)).hasSize(PageGroups.MAX_PAGES);
		assertThat(closed).hasSize(5).allSatisfy(group -> assertThat(group.size()).isLessThanOrEqualTo(PageGroups.MAX_PAGES));
	}

	static Map<String, FieldResult> route(ReadPage page, FieldRouter router, DocumentChecks.Findings findings) {
		return RuleRouting.result(page, router, findings).fields().stream()
				.collect(Collectors.toMap(FieldResult::name, Function.identity()));
	}
}
