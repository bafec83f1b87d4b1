package com.digitdesk.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.reading.ReadField;
import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.routing.RoutingPolicy;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.ReviewReason.Kind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.template.JsonTemplateCatalog;

/**
 * Routing of the shipped 1040-style page: values read as the recognizer
 * would give them, checked against the rules an operator relies on.
 */
class FieldRouterTest {

	static final RoutingPolicy POLICY = new RoutingPolicy(0.99, 1.5, 8, 0.99);
	/** The shipped templates (no template directory of an admin's). */
	static final FormTemplate f1040 = new JsonTemplateCatalog(Path.of("no-such-dir")).template("f1040-p1").orElseThrow();
	static final FormTemplate w2 = new JsonTemplateCatalog(Path.of("no-such-dir")).template("w2").orElseThrow();

	/** A page whose amounts satisfy line 9 = line 1 + ... + line 8, every digit sure. */
	static Map<String, String> consistentPage() {
		return Map.ofEntries(Map.entry("ssn", "123456789"), Map.entry("zip", "12345"),
				Map.entry("line1", "1200.50"), Map.entry("line2", "30.25"), Map.entry("line3", ""),
				Map.entry("line4", "5.00"), Map.entry("line5", ""), Map.entry("line6", "100.00"),
				Map.entry("line7", ""), Map.entry("line8", "14.25"), Map.entry("line9", "1350.00"),
				Map.entry("date", "04152026"));
	}

	@Test
	void confidentFieldsThatSatisfyTheRulesAreAutoAccepted() {
		Map<String, FieldResult> routed = route(consistentPage(), Map.of());
		assertThat(routed.values()).allSatisfy(field -> {
			assertThat(field.status()).as(field.name()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
			assertThat(field.reasons()).isEmpty();
		});
		assertThat(routed.get("line1").value()).isEqualTo("1200.50");
		assertThat(routed.get("line3").value()).isEmpty();
		assertThat(routed.get("ssn").digits()).hasSize(9);
		assertThat(routed.get("line1").confidence()).isGreaterThan(0.99);
	}

	@Test
	void aDoubtfulDigitSendsItsFieldToReviewNamingThePosition() {
		// The fourth SSN digit: 4 at 0.7, 9 at 0.29.
		Map<String, FieldResult> routed = route(consistentPage(), Map.of("ssn", Map.of(3, ranked(4, 0.7, 9, 0.29))));
		FieldResult ssn = routed.get("ssn");
		assertThat(ssn.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(ssn.reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.kind()).isEqualTo(Kind.LOW_CONFIDENCE_DIGIT);
			assertThat(reason.position()).isEqualTo(3);
			assertThat(reason.detail()).contains("0.700").contains("second choice 9");
		});
		assertThat(ssn.confidence()).isLessThan(0.7);
		assertThat(routed.get("zip").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void onlyTheOtherDigitsCountAgainstADigit() {
		// A thin 1: 0.95 for 1, 0.045 for "not a digit", 0.005 for 7: among the digits it is a 1 with 0.995.
		Map<String, FieldResult> routed = route(consistentPage(),
				Map.of("ssn", Map.of(0, ranked(1, 0.95, ClassProbability.NOT_A_DIGIT, 0.045, 7, 0.005))));
		assertThat(routed.get("ssn").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// The same doubt against another digit is a doubt.
		routed = route(consistentPage(), Map.of("ssn", Map.of(0, ranked(1, 0.95, 7, 0.045))));
		assertThat(routed.get("ssn").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
	}

	@Test
	void aGlyphThatIsNoDigitShowsAsQuestionMarkInAnAmountAsItsLikeliestDigitInACellAndIsQueued() {
		Map<String, FieldResult> routed = route(consistentPage(),
				Map.of("zip", Map.of(0, ranked(ClassProbability.NOT_A_DIGIT, 0.8, 1, 0.2)),
						"line4", Map.of(0, ranked(ClassProbability.NOT_A_DIGIT, 0.8, 5, 0.2))));
		assertThat(routed.get("zip").value()).isEqualTo("12345");
		assertThat(routed.get("zip").reasons()).extracting(r -> r.kind()).containsExactly(Kind.NOT_A_DIGIT);
		assertThat(routed.get("line4").value()).isEqualTo("?.00");
		assertThat(routed.get("line4").reasons()).extracting(r -> r.kind()).contains(Kind.NOT_A_DIGIT);
	}

	@Test
	void aDigitTheNetworkGivesALargeChanceOfBeingNoDigitIsQueuedThoughSureAmongDigits() {
		// Two touching 7s read as one 7: sure which digit, if it is one, but 44% no digit at all.
		Map<String, FieldResult> routed = route(consistentPage(),
				Map.of("line1", Map.of(0, ranked(1, 0.555, ClassProbability.NOT_A_DIGIT, 0.44, 7, 0.005))));
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line1").reasons()).extracting(r -> r.kind()).containsExactly(Kind.NOT_A_DIGIT);
		// A thin 1 losing a few percent to "no digit" is still a sure 1.
		routed = route(consistentPage(),
				Map.of("line1", Map.of(0, ranked(1, 0.94, ClassProbability.NOT_A_DIGIT, 0.058, 7, 0.002))));
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void wrongDigitCountsAreQueued() {
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("ssn", "12345678"); // eight of nine cells
		page.put("line4", "5.000"); // three cent digits: a stroke cut in two
		Map<String, FieldResult> routed = route(page, Map.of());
		assertThat(routed.get("ssn").reasons()).extracting(r -> r.kind()).containsExactly(Kind.SEGMENTATION_COUNT);
		assertThat(routed.get("ssn").reasons().get(0).detail()).isEqualTo("8 of 9 cells written");
		assertThat(routed.get("line4").reasons()).extracting(r -> r.kind()).contains(Kind.SEGMENTATION_COUNT);
	}

	@Test
	void aNumberReadWithADigitCountItIsNeverWrittenWithIsQueued() {
		FormTemplate w2024 = new JsonTemplateCatalog(Path.of("no-such-dir")).template("w2-2024").orElseThrow();
		Map<String, String> page = new HashMap<>(Map.of("ssn", "123456789", "ein", "123456789", "box1", "1000.00",
				"box2", "100.00", "box3", "1000.00", "box4", "62.00", "box5", "1000.00", "box6", "14.50"));
		assertThat(route(w2024, POLICY, page, Map.of()).get("ein").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		page.put("ein", "12345678"); // a digit lost
		FieldResult ein = route(w2024, POLICY, page, Map.of()).get("ein");
		assertThat(ein.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(ein.reasons()).singleElement()
				.satisfies(reason -> assertThat(reason.detail()).isEqualTo("written with 9 digits, read 8"));
		assertThat(w2024.fields().stream().filter(f -> f.name().equals("ein")).findFirst().orElseThrow().digitCounts())
				.containsExactly(9);
	}

	@Test
	void aDifferenceHeldAtZeroConfirmsItsTargetButNotItsOperands() {
		List<com.digitdesk.api.template.Anchor> marks = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			marks.add(new com.digitdesk.api.template.Anchor("mark" + i,
					com.digitdesk.api.template.Anchor.Kind.SQUARE_MARK,
					new com.digitdesk.api.template.TemplateBox(20 + 200 * i, 20, 10, 10)));
		}
		List<FieldSpec> amounts = new ArrayList<>();
		for (String name : List.of("gross", "exempt", "taxable")) {
			amounts.add(new FieldSpec(name, name, com.digitdesk.api.template.FieldKind.AMOUNT,
					new com.digitdesk.api.template.TemplateBox(300, 100 + 40 * amounts.size(), 150, 20), 0));
		}
		FormTemplate salesTax = new FormTemplate("difference", "Difference", 612, 792, marks, amounts,
				List.of(new com.digitdesk.api.template.ValidationRule("taxable = gross - exempt", "taxable",
						com.digitdesk.api.template.ValidationRule.Operation.DIFFERENCE, List.of("gross", "exempt"))));
		RoutingPolicy lenient = new RoutingPolicy(0.99, 1.5, 8, 0.5);
		// The first cent digit of the exempt sales is in doubt (0.6): it is rule-checked while the difference is positive...
		Map<String, Map<Integer, DigitPrediction>> doubt = Map.of("exempt", Map.of(4, ranked(6, 0.6, 4, 0.39)));
		Map<String, FieldResult> positive = route(salesTax, lenient,
				Map.of("gross", "5000.00", "exempt", "2983.60", "taxable", "2016.40"), doubt);
		assertThat(positive.get("exempt").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// ...but when exempt exceeds gross, taxable is 0.00 whatever exempt reads: nothing confirms it.
		Map<String, FieldResult> atZero = route(salesTax, lenient,
				Map.of("gross", "1000.00", "exempt", "2983.60", "taxable", "0.00"), doubt);
		assertThat(atZero.get("exempt").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(atZero.get("taxable").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void aDateThatIsNoDateIsQueued() {
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("date", "13452026");
		assertThat(route(page, Map.of()).get("date").reasons()).extracting(r -> r.kind())
				.containsExactly(Kind.RULE_FAILED);
	}

	@Test
	void aFailedSumRuleQueuesEveryFieldThatOneMisreadingCouldHavePutWrongWithoutProposalWhenAllDigitsAreSure() {
		// Line 9 is a dollar too much: any amount of the page could be a dollar off by one misread digit.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line9", "1351.00");
		Map<String, FieldResult> routed = route(page, Map.of());
		for (String name : List.of("line1", "line2", "line4", "line6", "line8", "line9")) {
			assertThat(routed.get(name).status()).as(name).isEqualTo(FieldStatus.NEEDS_REVIEW);
			assertThat(routed.get(name).reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
			assertThat(routed.get(name).proposal()).isEmpty();
		}
		assertThat(routed.get("line9").reasons().get(0).detail()).contains("1351.00").contains("1350.00")
				.contains("one misreading in line1, line2, line4, line6, line8, line9");
		// A blank line is no amount misread: it would take several glyphs.
		assertThat(routed.get("line3").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("ssn").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void aFailedSumRuleHoldsBackOnlyTheFieldsThatOneMisreadingCouldHavePutWrong() {
		// line2 "665.59" read "6675.59", every digit sure: the 6 broke into a 6 and a 7. Only line 2 less 6,010.00
		// is one misreading away from its reading; no other amount is one misreading from what the rule needs.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "665.59");
		page.put("line9", "1985.34");
		assertThat(route(page, Map.of()).values()).allSatisfy(
				field -> assertThat(field.status()).as(field.name()).isEqualTo(FieldStatus.AUTO_ACCEPTED));
		page.put("line2", "6675.59");
		Map<String, FieldResult> routed = route(page, Map.of());
		assertThat(routed.get("line2").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line2").reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.kind()).isEqualTo(Kind.RULE_FAILED);
			assertThat(reason.detail()).contains("one misreading in line2 would explain it");
		});
		assertThat(routed.values()).filteredOn(field -> !field.name().equals("line2")).allSatisfy(
				field -> assertThat(field.status()).as(field.name()).isEqualTo(FieldStatus.AUTO_ACCEPTED));

		// A point misread is one misreading too: "100" with a speck before its zeros reads 1.00, "5.00" with its
		// point missed reads 500.00. That field waits (with line 8 for 1.00: 14.25 may be 113.25 with its 4 a 1
		// and a 3); the others are right unless two fields are wrong.
		for (Map.Entry<String, String> misread : Map.of("line6", "1.00", "line4", "500.00").entrySet()) {
			page = new java.util.HashMap<>(consistentPage());
			page.put(misread.getKey(), misread.getValue());
			routed = route(page, Map.of());
			assertThat(routed.get(misread.getKey()).reasons()).singleElement().satisfies(
					reason -> assertThat(reason.detail()).containsPattern("one misreading in [a-z0-9, ]*"
							+ misread.getKey() + "[a-z0-9, ]* would explain it"));
			for (String name : List.of("line1", "line2", "line9")) {
				assertThat(routed.get(name).status()).as(name).isEqualTo(FieldStatus.AUTO_ACCEPTED);
			}
		}

		// Two fields misread: no single misreading explains the failure, every field of the rule waits.
		page.put("line2", "6675.59");
		page.put("line9", "1985.34");
		page.put("line8", "14.75");
		routed = route(page, Map.of());
		for (String name : List.of("line1", "line2", "line3", "line8", "line9")) {
			assertThat(routed.get(name).reasons()).as(name).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		}
	}

	@Test
	void aFailedSumRuleIsRepairedFromTheNextChoicesOfUncertainDigits() {
		// line2 "30.25" was read "80.25": its first digit 8 at 0.6, 3 at 0.35, 9 at 0.04.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "80.25");
		Map<String, FieldResult> routed = route(page, Map.of("line2", Map.of(0, ranked(8, 0.6, 3, 0.35, 9, 0.04))));
		FieldResult line2 = routed.get("line2");
		assertThat(line2.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(line2.value()).isEqualTo("80.25");
		assertThat(line2.proposal()).contains("30.25");
		assertThat(line2.reasons()).extracting(r -> r.kind()).contains(Kind.LOW_CONFIDENCE_DIGIT, Kind.RULE_FAILED);
		// The other fields agree with the rule once line 2 takes its next choice.
		assertThat(routed.get("line9").proposal()).isEmpty();
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// The network named 9 and 6 after the 8, not the 3: no next choice repairs the rule, yet the
		// doubtful 8 is still far likelier misread than any sure digit, so line 2 alone waits.
		routed = route(page, Map.of("line2", Map.of(0, ranked(8, 0.6, 9, 0.3, 6, 0.1))));
		assertThat(routed.get("line2").proposal()).contains("30.25");
		assertThat(routed.get("line2").reasons()).extracting(r -> r.detail()).anyMatch(d -> d.contains("likeliest"));
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void theMostProbableRepairWins() {
		// Two misread digits in two fields: only changing both satisfies the rule.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "80.25");
		page.put("line9", "1300.00"); // truth 1350.00: its third digit 0 (0.5) or 5 (0.45)
		Map<String, FieldResult> routed = route(page, Map.of("line2", Map.of(0, ranked(8, 0.6, 3, 0.35, 9, 0.04)),
				"line9", Map.of(2, ranked(0, 0.5, 5, 0.45, 6, 0.04))));
		assertThat(routed.get("line2").proposal()).contains("30.25");
		assertThat(routed.get("line9").proposal()).contains("1350.00");
	}

	@Test
	void withOneFieldInDoubtAFailedRuleProposesWhatTheOthersGiveAndHoldsNoneOfThemBack() {
		// line2 "30.25" read "80.25", and 3 is not among the first digit's three next choices, but possible.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "80.25");
		Map<String, FieldResult> routed = route(page,
				Map.of("line2", Map.of(0, ranked(8, 0.6, 9, 0.3, 6, 0.06, 3, 0.04))));
		assertThat(routed.get("line2").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line2").proposal()).contains("30.25");
		assertThat(routed.get("line2").reasons()).extracting(r -> r.kind()).contains(Kind.LOW_CONFIDENCE_DIGIT,
				Kind.RULE_FAILED);
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void anAmountReadInWholeDollarsIsComparedWithAProposalByItsWrittenDigits() {
		// line6 written "100" (no cents) and read "180" with its 8 in doubt: line 9 says 100.00 (proposed), or,
		// with line 9 at 1350.40, 100.40: cents no glyph of the field shows, so nothing is proposed.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line6", "180.00");
		assertThat(routeWholeDollars(page).get("line6").proposal()).contains("100.00");
		page.put("line9", "1350.40");
		Map<String, FieldResult> routed = routeWholeDollars(page);
		assertThat(routed.get("line6").value()).isEqualTo("180.00");
		assertThat(routed.get("line6").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line6").proposal()).isEmpty();
	}

	@Test
	void zeroCentsOnAWholeDollarPageAreAHabitOtherCentsWait() {
		// The segmenter doubts box 2's point because the page's other amounts are whole dollars; no rule
		// checks box 2.
		Map<String, String> page = new java.util.HashMap<>(consistentW2());
		assertThat(routeWithDoubt(w2, page, "box2", SegmentedField.CENTS_AGAINST_HABIT).status())
				.isEqualTo(FieldStatus.AUTO_ACCEPTED);
		page.put("box2", "1500.40");
		FieldResult speckForAPoint = routeWithDoubt(w2, page, "box2", SegmentedField.CENTS_AGAINST_HABIT);
		assertThat(speckForAPoint.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(speckForAPoint.reasons()).extracting(ReviewReason::detail)
				.contains(SegmentedField.CENTS_AGAINST_HABIT);
	}

	@Test
	void aRuleThatHoldsAsReadSettlesTheSegmentersDoubtsAboutItsFields() {
		String doubt = "a mark much lower than the digits beside it is read as a digit";
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line6", "100.40");
		page.put("line9", "1350.40");
		assertThat(routeWithDoubt(f1040, page, "line6", SegmentedField.CENTS_AGAINST_HABIT).status())
				.isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routeWithDoubt(f1040, page, "line6", doubt).status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// No rule checks the ZIP code.
		assertThat(routeWithDoubt(f1040, page, "zip", doubt).status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
	}

	@Test
	void aRuleThatAFieldInDoubtLeavesUncheckedOrUnexplainedHoldsBackOnlyTheFieldsNotSureOfThemselves() {
		// line4's 5 and line8's 1 read as no digit, their next choices no help: the rule cannot be checked, and
		// says nothing against the sure fields.
		Map<String, Map<Integer, DigitPrediction>> doubts = new java.util.HashMap<>();
		doubts.put("line4", Map.of(0, ranked(ClassProbability.NOT_A_DIGIT, 0.8, 6, 0.2)));
		doubts.put("line8", Map.of(0, ranked(ClassProbability.NOT_A_DIGIT, 0.8, 7, 0.2)));
		doubts.put("line2", Map.of(0, ranked(3, 0.993, 8, 0.007), 1, ranked(0, 0.993, 6, 0.007)));
		Map<String, FieldResult> routed = route(consistentPage(), doubts);
		assertThat(routed.get("line4").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line8").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// Each of line2's digits passes the threshold, but the value as a whole is less sure than 0.99.
		assertThat(routed.get("line2").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);

		// line6 "100.00" read "10000.75", its point in doubt: the sum fails, as line6 alone may explain.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line6", "10000.75");
		doubts = Map.of("line1", sure("1200.50"));
		String missedPoint = "the last two digits stand apart as cents after a point do, but no point is seen";
		routed = routeWithShapeDoubt(f1040, page, doubts, "line6", missedPoint);
		assertThat(routed.get("line6").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// Sure of each digit, less of the whole (0.997) than a field of a failed rule must be.
		assertThat(routed.get("line9").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		// The same reading without the segmenter's doubt: a sure field is wrong, every field waits.
		routed = route(page, doubts);
		assertThat(routed.get("line1").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		// What the rule gives line6 (100.00) is far from any reading its doubt allows: a sure field is wrong too.
		page.put("line6", "87654.75");
		routed = routeWithShapeDoubt(f1040, page, doubts, "line6", missedPoint);
		assertThat(routed.get("line1").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
	}

	/** Every digit of {@code value} read with a probability of 0.99999. */
	private static Map<Integer, DigitPrediction> sure(String value) {
		Map<Integer, DigitPrediction> digits = new java.util.HashMap<>();
		String written = value.replace(".", "");
		for (int i = 0; i < written.length(); i++) {
			digits.put(i, ranked(written.charAt(i) - '0', 0.99999, 7, 0.00001));
		}
		return digits;
	}

	/** The page routed with the segmenter's doubt on one field, its fields by name. */
	private static Map<String, FieldResult> routeWithShapeDoubt(FormTemplate template, Map<String, String> page,
			Map<String, Map<Integer, DigitPrediction>> doubts, String name, String doubt) {
		List<ReadField> fields = new ArrayList<>(read(template, page, doubts));
		for (int i = 0; i < fields.size(); i++) {
			ReadField field = fields.get(i);
			if (field.spec().name().equals(name)) {
				SegmentedField cut = field.segmented();
				fields.set(i, new ReadField(field.spec(), new SegmentedField(name, cut.fieldBox(), cut.glyphs(),
						cut.centsStart(), List.of(doubt)), field.predictions()));
			}
		}
		return new FieldRouter(POLICY).route(template, 0.1, fields).stream()
				.collect(Collectors.toMap(FieldResult::name, Function.identity()));
	}

	/** The page routed with the segmenter's doubt on one field; that field's result. */
	private static FieldResult routeWithDoubt(FormTemplate template, Map<String, String> page, String name,
			String doubt) {
		return routeWithShapeDoubt(template, page, Map.of(), name, doubt).get(name);
	}

	/** The page routed with line6 read as three glyphs of whole dollars, its second in doubt. */
	private static Map<String, FieldResult> routeWholeDollars(Map<String, String> page) {
		return routeReadWhole(f1040, page, Map.of("line6", Map.of(1, ranked(8, 0.6, 0, 0.38))), "line6");
	}

	/**
	 * The page routed with the field {@code name} read in whole dollars: only
	 * the glyphs of its value's dollars are written, and no point.
	 */
	private static Map<String, FieldResult> routeReadWhole(FormTemplate template, Map<String, String> page,
			Map<String, Map<Integer, DigitPrediction>> doubts, String name) {
		List<ReadField> fields = new ArrayList<>(read(template, page, doubts));
		int dollars = page.get(name).indexOf('.');
		for (int i = 0; i < fields.size(); i++) {
			ReadField field = fields.get(i);
			if (field.spec().name().equals(name)) {
				fields.set(i, new ReadField(field.spec(), new SegmentedField(name, field.segmented().fieldBox(),
						field.segmented().glyphs().subList(0, dollars), dollars, List.of()),
						field.predictions().subList(0, dollars)));
			}
		}
		return new FieldRouter(POLICY).route(template, 0.1, fields).stream()
				.collect(Collectors.toMap(FieldResult::name, Function.identity()));
	}

	@Test
	void wholeDollarsEndingInZerosWaitUnlessARuleChecksThemForAPointMissedBeforeTheZeros() {
		// box2 written "15.00", its point lost against the 5: read 1500 in whole dollars, every digit sure. No
		// rule checks box 2.
		Map<String, String> page = new java.util.HashMap<>(consistentW2());
		assertThat(routeReadWhole(w2, page, Map.of(), "box2").get("box2").reasons()).extracting(ReviewReason::detail)
				.containsExactly(FieldRouter.ZEROS_OR_ZERO_CENTS);
		// 1520 would be 15.20 only with a point and cents written: whole dollars as read.
		page.put("box2", "1520.00");
		assertThat(routeReadWhole(w2, page, Map.of(), "box2").get("box2").status())
				.isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// box3 read 12300, box4 its 6.2%: at 123.00 the rule would fail.
		page.put("box3", "12300.00");
		page.put("box4", "762.60");
		assertThat(routeReadWhole(w2, page, Map.of(), "box3").get("box3").status())
				.isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void aConfidentDigitThatCouldBeAnotherAsWellAsTheDoubtfulFieldWaits() {
		// line2 "80.25" is read right, its 0 in doubt (9 is possible); line9 "1400.00" is read "1409.00", its 9
		// confident but the network gave 0 a small chance: either explains the failed rule, so both wait.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "80.25");
		page.put("line9", "1409.00");
		Map<String, FieldResult> routed = route(page, Map.of("line2", Map.of(1, ranked(0, 0.6, 6, 0.3, 8, 0.06, 9, 0.04)),
				"line9", Map.of(3, ranked(9, 0.995, 0, 0.004))));
		assertThat(routed.get("line2").proposal()).contains("89.25");
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line9").reasons()).extracting(ReviewReason::position).containsExactly(3);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line6").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void aDigitLostIntoADoubtfulNeighbourOrAGlyphTooManyIsProposedFromWhatTheOthersGive() {
		// line1 "1200.50" read "200.50": its 1 went into the 2, which is read with doubt.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line1", "200.50");
		Map<String, FieldResult> routed = route(page, Map.of("line1", Map.of(0, ranked(2, 0.7, 1, 0.2, 7, 0.09))));
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line1").proposal()).contains("1200.50");
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line6").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// line2 "30.25" read "310.25": a doubtful 1 from a broken stroke.
		page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "310.25");
		routed = route(page, Map.of("line2", Map.of(1, ranked(1, 0.8, 7, 0.15, 4, 0.04))));
		assertThat(routed.get("line2").proposal()).contains("30.25");
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// The same lost 1 with the doubt elsewhere in the field: the rule cannot tell which of the fields one
		// misreading could have put 1,000.00 off is wrong; those wait.
		page = new java.util.HashMap<>(consistentPage());
		page.put("line1", "200.50");
		routed = route(page, Map.of("line1", Map.of(4, ranked(0, 0.7, 6, 0.2, 8, 0.09))));
		assertThat(routed.get("line1").proposal()).isEmpty();
		for (String name : List.of("line6", "line9")) {
			assertThat(routed.get(name).reasons()).as(name).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		}
		assertThat(routed.get("line2").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void twoDigitsReadAsOneOrOneDigitBrokenInTwoAtADoubtfulGlyphIsProposedFromWhatTheOthersGive() {
		// line9 "1350.00" read "450.00": the touching 1 and 3 came out as a doubtful 4.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line9", "450.00");
		Map<String, FieldResult> routed = route(page, Map.of("line9", Map.of(0, ranked(4, 0.4, 1, 0.3, -1, 0.2, 9, 0.1))));
		assertThat(routed.get("line9").proposal()).contains("1350.00");
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// The same 4 without a chance of being no digit is taken for one digit: line 1's 12 read as a 3 would
		// explain it as well, both wait.
		routed = route(page, Map.of("line9", Map.of(0, ranked(4, 0.5, 1, 0.4, 9, 0.1))));
		assertThat(routed.get("line9").proposal()).isEmpty();
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);

		// line2 "30.25" read "870.25": the 3 broken into an 8 and a doubtful 7, maybe no digit.
		page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "870.25");
		routed = route(page, Map.of("line2", Map.of(1, ranked(7, 0.9, -1, 0.08, 2, 0.02))));
		assertThat(routed.get("line2").proposal()).contains("30.25");
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// The same broken 3 with the doubt on the cents: nothing ties the extra digit to the doubt, no proposal;
		// but no other field is one misreading from what the rule needs, they stand.
		routed = route(page, Map.of("line2", Map.of(3, ranked(2, 0.9, -1, 0.1))));
		assertThat(routed.get("line2").proposal()).isEmpty();
		assertThat(routed.get("line2").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void aFailedRuleThatTheDoubtfulDigitsCannotExplainHoldsBackEveryFieldOfIt() {
		// line6 lost a digit ("100.00" read "10.00") with confidence; line2 has a doubtful digit. What the others
		// give for line2 differs from it in digits read with confidence: the failure is not line2's.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line6", "10.00");
		Map<String, FieldResult> routed = route(page, Map.of("line2", Map.of(0, ranked(3, 0.6, 9, 0.3, 6, 0.09))));
		for (String name : List.of("line1", "line6")) {
			assertThat(routed.get(name).reasons()).as(name).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		}
		assertThat(routed.get("line2").proposal()).isEmpty();
		// Line 9 would have to be 90.00 less: two of its digits, not one misreading.
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// Two fields read as no amount: the rule cannot be checked, the fields sure of themselves stand, the
		// others wait for a clerk.
		page = new java.util.HashMap<>(consistentPage());
		page.put("line4", "5.000");
		page.put("line6", "100.0");
		routed = route(page, Map.of("line1", Map.of(0, ranked(1, 0.992, 7, 0.008))));
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line1").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
	}

	@Test
	void ofSeveralFieldsInDoubtTheOneThatAloneExplainsAFailedRuleIsProposedAndTheConfidentOnesStand() {
		// line2 "30.25" read "80.25" (3 only its fourth choice); line1 has a doubtful digit too, read right.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "80.25");
		Map<String, FieldResult> routed = route(page, Map.of("line2", Map.of(0, ranked(8, 0.6, 9, 0.3, 6, 0.06, 3, 0.04)),
				"line1", Map.of(0, ranked(1, 0.9, 7, 0.1))));
		assertThat(routed.get("line2").proposal()).contains("30.25");
		assertThat(routed.get("line1").proposal()).isEmpty();
		assertThat(routed.get("line1").reasons()).extracting(r -> r.kind()).containsExactly(Kind.LOW_CONFIDENCE_DIGIT);
		assertThat(routed.get("line6").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void twoFieldsInDoubtThatTogetherBreakARuleLeaveTheFieldsSureOfThemselvesStanding() {
		// line2 "30.25" read "80.25" and line8 "14.25" read "14.75", each at a doubtful digit whose next choices
		// do not repair it: neither alone explains the failure, both wait. The failure has its suspects; the
		// fields sure of themselves stand as fields that no rule checks.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "80.25");
		page.put("line8", "14.75");
		Map<String, Map<Integer, DigitPrediction>> doubts = new java.util.HashMap<>();
		doubts.put("line2", Map.of(0, ranked(8, 0.6, 9, 0.3, 6, 0.1)));
		doubts.put("line8", Map.of(2, ranked(7, 0.6, 1, 0.4)));
		Map<String, FieldResult> routed = route(page, doubts);
		for (String name : List.of("line2", "line8")) {
			assertThat(routed.get(name).reasons()).as(name).extracting(r -> r.kind())
					.containsExactly(Kind.LOW_CONFIDENCE_DIGIT, Kind.RULE_FAILED);
		}
		for (String name : List.of("line1", "line4", "line6", "line9")) {
			assertThat(routed.get(name).status()).as(name).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		}
		// Sure of each digit, but of the whole value less than a field that no rule checks must be: it waits.
		doubts.put("line1", Map.of(0, ranked(1, 0.995, 7, 0.005), 1, ranked(2, 0.995, 7, 0.005)));
		routed = route(page, doubts);
		assertThat(routed.get("line1").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void twoFieldsInDoubtThatCouldEachExplainAFailedRuleHoldEveryFieldBack() {
		// line2 "30.25" read "30.35"; line8's doubtful 2 could as well be a 1 ("14.15") and the rule would hold.
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "30.35");
		Map<String, FieldResult> routed = route(page, Map.of("line2", Map.of(2, ranked(3, 0.6, 8, 0.3, 6, 0.06, 2, 0.04)),
				"line8", Map.of(2, ranked(2, 0.6, 7, 0.2, 9, 0.1, 1, 0.05))));
		assertThat(routed.get("line2").proposal()).isEmpty();
		assertThat(routed.get("line8").proposal()).isEmpty();
		assertThat(routed.get("line9").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
	}

	@Test
	void aGlyphReadAsNoDigitIsWhatTheOtherFieldsGiveWhenTheyFitAroundIt() {
		// line1 "1200.50" with its 1 and 2 touching, read as no digit: "?00.50".
		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line1", "?00.50");
		Map<String, FieldResult> routed = route(page, Map.of("line1", Map.of(0, ranked(-1, 0.97, 1, 0.03))));
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line1").proposal()).contains("1200.50");
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// What the others give does not fit around it ("?10.50" cannot be 1200.50, whatever run of digits the
		// glyph is): a sure field is wrong too, every field waits.
		page.put("line1", "?10.50");
		routed = route(page, Map.of("line1", Map.of(0, ranked(-1, 0.97, 1, 0.03))));
		assertThat(routed.get("line1").proposal()).isEmpty();
		assertThat(routed.get("line9").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);

		// "?0.50", the glyph three touching digits: the others give 1200.50, "120" in its place. No proposal (a
		// proposal fills in two digits at most), but the fields sure of themselves stand.
		page.put("line1", "?0.50");
		routed = route(page, Map.of("line1", Map.of(0, ranked(-1, 0.97, 1, 0.03)),
				"line2", Map.of(0, ranked(3, 0.993, 8, 0.007), 1, ranked(0, 0.993, 6, 0.007))));
		assertThat(routed.get("line1").proposal()).isEmpty();
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line2").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
	}

	@Test
	void amountsThatAddUpToTheirTotalNeedLessConfidence() {
		RoutingPolicy lenient = new RoutingPolicy(0.99, 1.5, 8, 0.9);
		Map<String, Map<Integer, DigitPrediction>> doubt = Map.of("line1", Map.of(0, ranked(1, 0.95, 7, 0.05)),
				"ssn", Map.of(0, ranked(1, 0.95, 7, 0.05)));
		Map<String, FieldResult> routed = route(f1040, lenient, consistentPage(), doubt);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// The SSN takes part in no rule: the ordinary threshold holds.
		assertThat(routed.get("ssn").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);

		Map<String, String> page = new java.util.HashMap<>(consistentPage());
		page.put("line9", "1351.00");
		routed = route(f1040, lenient, page, doubt);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);

		// A rule that fails where one misreading of line 2 alone explains it: line 1 is right unless two fields
		// are wrong, as when the rule holds; its doubtful digit needs the same confidence.
		page = new java.util.HashMap<>(consistentPage());
		page.put("line2", "6675.59");
		page.put("line9", "1985.34");
		routed = route(f1040, lenient, page, doubt);
		assertThat(routed.get("line1").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		assertThat(routed.get("line2").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		routed = route(f1040, lenient, page, Map.of("line1", Map.of(0, ranked(1, 0.85, 7, 0.15))));
		assertThat(routed.get("line1").reasons()).extracting(r -> r.kind()).containsExactly(Kind.LOW_CONFIDENCE_DIGIT);
	}

	/** A W-2 whose taxes are 6.2% and 1.45% of its wages, every digit sure. */
	static Map<String, String> consistentW2() {
		return Map.of("employee_ssn", "123456789", "employer_ein", "987654321", "employer_zip", "54321",
				"box1", "12000.00", "box2", "1500.00", "box3", "12345.67", "box4", "765.43", "box5", "345.67",
				"box6", "5.01");
	}

	@Test
	void aTaxThatIsItsRateOfTheWagesNeedsLessConfidenceAndSoDoTheWagesDollarsButNotTheirCents() {
		RoutingPolicy lenient = new RoutingPolicy(0.99, 1.5, 8, 0.9);
		Map<String, FieldResult> routed = route(w2, lenient, consistentW2(), Map.of());
		assertThat(routed.values()).allSatisfy(field -> assertThat(field.status()).as(field.name())
				.isEqualTo(FieldStatus.AUTO_ACCEPTED));

		DigitPrediction doubtful = ranked(6, 0.95, 0, 0.05);
		// box4 "765.43": its 6 doubtful, the rule says it is right.
		routed = route(w2, lenient, consistentW2(), Map.of("box4", Map.of(1, doubtful)));
		assertThat(routed.get("box4").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// box3 "12345.67": a doubtful dollar digit moves the tax by 6.2 cents a dollar: confirmed.
		routed = route(w2, lenient, consistentW2(), Map.of("box3", Map.of(4, ranked(5, 0.95, 3, 0.05))));
		assertThat(routed.get("box3").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		// Its cents move the tax by less than a cent: 12345.61 gives the same 765.43, the rule cannot tell.
		routed = route(w2, lenient, consistentW2(), Map.of("box3", Map.of(6, ranked(7, 0.95, 1, 0.05))));
		assertThat(routed.get("box3").reasons()).extracting(r -> r.kind()).containsExactly(Kind.LOW_CONFIDENCE_DIGIT);
		assertThat(routed.get("box4").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void aTaxThatIsNotItsRateOfTheWagesHoldsBothBackAndTheDoubtfulTaxIsProposed() {
		Map<String, String> page = new java.util.HashMap<>(consistentW2());
		page.put("box6", "5.07");
		Map<String, FieldResult> routed = route(w2, POLICY, page, Map.of());
		assertThat(routed.get("box6").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		assertThat(routed.get("box5").reasons()).extracting(r -> r.kind()).containsExactly(Kind.RULE_FAILED);
		assertThat(routed.get("box3").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);

		// The 7 in doubt with 1 as its next choice: the rule proposes 5.01, box5 stands.
		routed = route(w2, POLICY, page, Map.of("box6", Map.of(2, ranked(7, 0.8, 1, 0.15, 4, 0.05))));
		assertThat(routed.get("box6").proposal()).contains("5.01");
		assertThat(routed.get("box5").status()).isEqualTo(FieldStatus.AUTO_ACCEPTED);
	}

	@Test
	void aFailedRuleThatOneLikelyMisreadingExplainsHoldsBackOnlyThatField() {
		// Line 8 is 14.25, read 19.25: the network was sure of the 9 but gave the 4 a chance.
		Map<String, String> page = new HashMap<>(consistentPage());
		page.put("line8", "19.25");
		Map<String, FieldResult> routed = route(page, Map.of("line8", Map.of(1, ranked(9, 0.995, 4, 0.004, 7, 0.001))));
		FieldResult line8 = routed.get("line8");
		assertThat(line8.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(line8.proposal()).contains("14.25");
		assertThat(line8.reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.kind()).isEqualTo(Kind.RULE_FAILED);
			assertThat(reason.position()).isEqualTo(1);
			assertThat(reason.detail()).contains("likeliest misreading");
		});
		for (String other : List.of("line1", "line2", "line4", "line6", "line9")) {
			assertThat(routed.get(other).status()).as(other).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		}

		// The network gave the 4 no chance: any field one misread digit could have put 5.00 off may hold it
		// (line 4's 5 read for a 0, line 9's 5 read as a 0), they wait; lines 1, 2 and 6 cannot, they stand.
		routed = route(page, Map.of());
		for (String name : List.of("line4", "line8", "line9")) {
			assertThat(routed.get(name).status()).as(name).isEqualTo(FieldStatus.NEEDS_REVIEW);
		}
		for (String name : List.of("line1", "line2", "line6")) {
			assertThat(routed.get(name).status()).as(name).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		}
		assertThat(routed.get("line8").proposal()).isEmpty();

		// Line 9's 0 might as well be a 5: two misreadings as likely, both wait.
		routed = route(page, Map.of("line8", Map.of(1, ranked(9, 0.995, 4, 0.004, 7, 0.001)), "line9",
				Map.of(3, ranked(0, 0.995, 5, 0.003, 7, 0.002))));
		assertThat(routed.get("line9").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line8").proposal()).isEmpty();
	}

	@Test
	void aMisreadingThatWouldBreakARuleThatHoldsExplainsNoOtherRuleAlone() {
		// Line 15 is 700.00, read 100.00 with every digit sure. Line 11's 9 is in doubt, a 3 second: read
		// so, 300.00 - 200.00 would give line 15 as read. But line 11 = 9 - 10 holds with the 9: a 3 would take
		// a second misreading, so line 11 alone explains nothing and line 15 cannot stand.
		FormTemplate official = new JsonTemplateCatalog(Path.of("no-such-dir")).template("f1040-2024-p1").orElseThrow();
		Map<String, String> page = new HashMap<>();
		official.fields().forEach(field -> page.put(field.name(), ""));
		page.putAll(Map.of("ssn", "123456789", "zip", "12345", "line1a", "1000.00", "line1z", "1000.00", "line9",
				"1000.00", "line10", "100.00", "line11", "900.00", "line12", "200.00", "line14", "200.00", "line15",
				"100.00"));
		Map<String, FieldResult> routed = route(official, POLICY, page,
				Map.of("line11", Map.of(0, ranked(9, 0.90, 3, 0.09, 8, 0.01))));

		assertThat(routed.get("line11").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		assertThat(routed.get("line11").proposal()).isEmpty();
		assertThat(routed.get("line15").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
		for (String name : List.of("line1a", "line1z", "line9", "line10", "line12", "line14")) {
			assertThat(routed.get(name).status()).as(name).isEqualTo(FieldStatus.AUTO_ACCEPTED);
		}
	}

	@Test
	void aPoorlyRegisteredPageSendsEveryFieldToReview() {
		List<FieldResult> routed = new FieldRouter(POLICY).route(f1040, 2.5, read(consistentPage(), Map.of()));
		assertThat(routed).allSatisfy(field -> assertThat(field.reasons()).extracting(r -> r.kind())
				.containsExactly(Kind.REGISTRATION_RESIDUAL));
	}

	// --- a page as the segmenter and recognizer would hand it over

	static Map<String, FieldResult> route(Map<String, String> values, Map<String, Map<Integer, DigitPrediction>> doubts) {
		return route(f1040, POLICY, values, doubts);
	}

	/** A page of {@code template} routed by {@code policy}, registered well, its fields by name. */
	static Map<String, FieldResult> route(FormTemplate template, RoutingPolicy policy, Map<String, String> values,
			Map<String, Map<Integer, DigitPrediction>> doubts) {
		return new FieldRouter(policy).route(template, 0.1, read(template, values, doubts)).stream()
				.collect(Collectors.toMap(FieldResult::name, Function.identity()));
	}

	static List<ReadField> read(Map<String, String> values, Map<String, Map<Integer, DigitPrediction>> doubts) {
		return read(f1040, values, doubts);
	}

	static List<ReadField> read(FormTemplate template, Map<String, String> values,
			Map<String, Map<Integer, DigitPrediction>> doubts) {
		List<ReadField> fields = new ArrayList<>();
		for (FieldSpec spec : template.fields()) {
			String value = values.get(spec.name());
			String digits = value.replace(".", "");
			List<Glyph> glyphs = new ArrayList<>();
			List<DigitPrediction> predictions = new ArrayList<>();
			int positions = spec.isCellField() ? spec.cells() : digits.length();
			for (int i = 0; i < positions; i++) {
				boolean written = i < digits.length();
				glyphs.add(new Glyph(i, new PixelBox(10 * i, 0, 8, 12), DigitImage.blank(), !written));
				if (written) {
					DigitPrediction doubt = doubts.getOrDefault(spec.name(), Map.of()).get(i);
					predictions.add(doubt != null ? doubt : ranked(digits.charAt(i) - '0', 0.9995, 7, 0.0004));
				}
			}
			int centsStart = spec.isCellField() || value.isEmpty() ? -1 : value.indexOf('.');
			fields.add(new ReadField(spec, new SegmentedField(spec.name(), new PixelBox(0, 0, 100, 20), glyphs,
					centsStart, List.of()), predictions));
		}
		return fields;
	}

	static DigitPrediction ranked(Object... classAndProbability) {
		List<ClassProbability> ranked = new ArrayList<>();
		for (int i = 0; i < classAndProbability.length; i += 2) {
			ranked.add(new ClassProbability((Integer) classAndProbability[i], (Double) classAndProbability[i + 1]));
		}
		return new DigitPrediction(ranked);
	}
}
