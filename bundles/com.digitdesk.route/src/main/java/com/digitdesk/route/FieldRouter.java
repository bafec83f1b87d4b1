package com.digitdesk.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

import com.digitdesk.api.reading.ReadField;
import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.routing.RoutingPolicy;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.ReviewReason.Kind;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.ValidationRule;

/**
 * Decides for each field of a page whether it is auto-accepted or queued for
 * a clerk, and why: a field is accepted only when every written digit reaches
 * the threshold, its shape is right (digit count, cents, a real date), the
 * page registered well and every rule it takes part in holds, or fails in a
 * way only a misreading of other fields explains.
 */
final class FieldRouter {

	/** The value confidence a field needs to stand where its rule cannot be checked for another field... */
	static final double UNCHECKED_CONFIDENCE = 0.99;
	/** ...and where its rule fails for another field whose shape is in doubt. */
	static final double UNEXPLAINED_CONFIDENCE = 0.998;

	private final RoutingPolicy policy;
	private final SumRuleProposer proposer;

	FieldRouter(RoutingPolicy policy) {
		this.policy = policy;
		this.proposer = new SumRuleProposer(policy);
	}

	List<FieldResult> route(FormTemplate template, double residualPoints, List<ReadField> fields) {
		return route(template, residualPoints, fields, DocumentChecks.Findings.NONE);
	}

	/**
	 * @param document what the rules between this page and the other pages
	 *        of its document say of its fields (see {@link DocumentChecks})
	 */
	List<FieldResult> route(FormTemplate template, double residualPoints, List<ReadField> fields,
			DocumentChecks.Findings document) {
		Map<String, ReadField> byName = new LinkedHashMap<>();
		fields.forEach(field -> byName.put(field.spec().name(), field));
		List<RuleReading> rules = readRules(template, byName);
		Map<String, Long> confirmed = confirmedByRules(rules);
		document.confirmed().forEach(name -> confirmed.put(name, 1L));
		Map<String, List<ReviewReason>> reasons = new HashMap<>();
		for (ReadField field : fields) {
			long confirmedFrom = confirmed.getOrDefault(field.spec().name(), Long.MAX_VALUE);
			List<ReviewReason> own = new ArrayList<>(digitDoubts(field, confirmedFrom));
			own.addAll(shapeProblems(field, confirmedFrom));
			if (residualPoints > policy.maxResidualPoints()) {
				own.add(new ReviewReason(Kind.REGISTRATION_RESIDUAL, -1,
						String.format("page registered with residual %.2f pt (limit %.2f)", residualPoints,
								policy.maxResidualPoints())));
			}
			String failedRule = document.failed().get(field.spec().name());
			if (failedRule != null) {
				own.add(new ReviewReason(Kind.RULE_FAILED, -1, failedRule));
			}
			reasons.put(field.spec().name(), own);
		}
		Map<String, String> proposals = new HashMap<>(document.proposals());
		HeldRules held = new HeldRules(rules.stream().filter(RuleReading::holds).toList());
		for (RuleReading rule : rules) {
			checkRule(rule, byName, reasons, proposals, held);
		}
		List<FieldResult> results = new ArrayList<>();
		for (ReadField field : fields) {
			String name = field.spec().name();
			List<ReviewReason> own = reasons.get(name);
			results.add(new FieldResult(name, field.value(),
					own.isEmpty() ? FieldStatus.AUTO_ACCEPTED : FieldStatus.NEEDS_REVIEW, field.confidence(),
					digits(field), own, Optional.ofNullable(proposals.get(name)),
					Optional.of(field.segmented().fieldBox())));
		}
		return results;
	}

	/**
	 * The fields whose values every rule they take part in confirms as read,
	 * each with the smallest place (in cents) from which on its digits are
	 * confirmed: a misread digit would have to be offset by another to keep
	 * a sum right, so they need less confidence. A percent rule confirms its
	 * target whole, but of its operand only the digits whose change moves
	 * the target by a cent or more (of a 6.2% tax's wages, the dollars). A
	 * difference held at zero (the others exceed the first operand) confirms
	 * only its target: any misreading that keeps the others larger holds it.
	 */
	private static Map<String, Long> confirmedByRules(List<RuleReading> rules) {
		Map<String, Long> confirmed = new HashMap<>();
		Set<String> contradicted = new HashSet<>();
		for (RuleReading reading : rules) {
			if (!reading.holds()) {
				contradicted.addAll(reading.names());
				continue;
			}
			ValidationRule rule = reading.rule();
			for (String name : reading.names()) {
				if (!name.equals(rule.target()) && reading.heldAtZero()) {
					continue;
				}
				confirmed.merge(name, confirmedFromPlace(rule, name), Math::min);
			}
		}
		contradicted.forEach(confirmed::remove);
		return confirmed;
	}

	/** The smallest place (in cents) of the field's digits that the rule checks. */
	private static long confirmedFromPlace(ValidationRule rule, String name) {
		return rule.operation() == ValidationRule.Operation.PERCENT && !rule.target().equals(name)
				? (long) Math.ceil(100 / rule.percent())
				: 1;
	}

	/**
	 * A rule's fields as read, in cents: those that are no amount are
	 * unreadable.
	 */
	private record RuleReading(ValidationRule rule, List<String> names, Map<String, Long> cents,
			List<String> unreadable) {

		boolean holds() {
			return unreadable.isEmpty() && AmountRule.holds(rule, cents);
		}

		/** A difference whose operands as read would make it negative: it says zero whatever they are. */
		boolean heldAtZero() {
			if (rule.operation() != ValidationRule.Operation.DIFFERENCE) {
				return false;
			}
			long difference = cents.get(rule.operands().get(0));
			for (String other : rule.operands().subList(1, rule.operands().size())) {
				difference -= cents.get(other);
			}
			return difference < 0;
		}
	}

	/** The rules of a page that hold with its fields as read. */
	private record HeldRules(List<RuleReading> rules) {

		/** Whether every one still holds with these fields read as {@code values} instead. */
		boolean keptBy(Map<String, String> values) {
			return AmountRule.cents(values).map(this::keptByCents).orElse(false);
		}

		/** Whether every one still holds with these fields' cents instead of those read. */
		boolean keptByCents(Map<String, Long> cents) {
			for (RuleReading rule : rules) {
				Map<String, Long> trial = new HashMap<>(rule.cents());
				cents.forEach((name, value) -> trial.computeIfPresent(name, (key, read) -> value));
				if (!AmountRule.holds(rule.rule(), trial)) {
					return false;
				}
			}
			return true;
		}
	}

	/** The template's rules whose fields are all on the page, each read once. */
	private static List<RuleReading> readRules(FormTemplate template, Map<String, ReadField> fields) {
		List<RuleReading> readings = new ArrayList<>();
		for (ValidationRule rule : template.rules()) {
			List<String> names = new ArrayList<>(rule.operands());
			names.add(rule.target());
			if (!fields.keySet().containsAll(names)) {
				continue;
			}
			Map<String, Long> cents = new HashMap<>();
			List<String> unreadable = new ArrayList<>();
			for (String name : names) {
				OptionalLong value = AmountRule.cents(fields.get(name).value());
				if (value.isPresent()) {
					cents.put(name, value.getAsLong());
				} else {
					unreadable.add(name);
				}
			}
			readings.add(new RuleReading(rule, names, cents, unreadable));
		}
		return readings;
	}

	/**
	 * A digit's doubt is measured against the other digits only: the
	 * segmenter has already dropped specks and printed lines and judged its
	 * cuts, so what it hands over as written is a digit unless the network
	 * says "not a digit" first (then the glyph is queued as no digit). The
	 * share the network gives "not a digit" besides is no doubt about which
	 * digit it is: thin 1s lose several percent to it. A large share is,
	 * though: two touching digits read as one come out that way.
	 */
	private List<ReviewReason> digitDoubts(ReadField field, long confirmedFromPlace) {
		List<ReviewReason> doubts = new ArrayList<>();
		List<Glyph> written = field.segmented().writtenGlyphs();
		for (int i = 0; i < written.size(); i++) {
			DigitPrediction prediction = field.predictions().get(i);
			int position = written.get(i).position();
			double threshold = placeInCents(written.size() - 1 - i) >= confirmedFromPlace
					? Math.min(policy.digitThreshold(), policy.ruleCheckedDigitThreshold())
					: policy.digitThreshold();
			Optional<Kind> doubt = DigitDoubt.of(prediction, threshold);
			if (doubt.isPresent()) {
				// a digit doubted for its share of "not a digit" says how large that share is
				String share = prediction.isDigit() && doubt.get() == Kind.NOT_A_DIGIT
						? String.format(", no digit %.3f", DigitDoubt.notADigit(prediction))
						: "";
				doubts.add(new ReviewReason(doubt.get(), position, describe(prediction) + share));
			}
		}
		return doubts;
	}

	/** The positions of the field's glyphs that are in doubt when no rule confirms the field. */
	Set<Integer> doubtfulPositions(ReadField field) {
		return positions(digitDoubts(field, Long.MAX_VALUE));
	}

	private static Set<Integer> positions(List<ReviewReason> reasons) {
		Set<Integer> positions = new HashSet<>();
		reasons.forEach(reason -> positions.add(reason.position()));
		return positions;
	}

	/** 10^digitsAfter, saturating: the place of an amount's digit, in cents. */
	private static long placeInCents(int digitsAfter) {
		return digitsAfter >= 18 ? Long.MAX_VALUE : (long) Math.pow(10, digitsAfter);
	}

	/** "p=0.71, second choice 7 (0.25)" */
	private static String describe(DigitPrediction prediction) {
		ClassProbability top = prediction.top();
		String first = (top.isDigit() ? "read " + top.digit() : "no digit") + String.format(" p=%.3f", top.probability());
		if (prediction.ranked().size() < 2) {
			return first;
		}
		ClassProbability second = prediction.ranked().get(1);
		return first + String.format(", second choice %s (%.3f)",
				second.isDigit() ? String.valueOf(second.digit()) : "no digit", second.probability());
	}

	/**
	 * Writers who leave the cents out add ".00" now and then; a speck taken for
	 * a point would give ".00" only where the dollars end in 00, so only other
	 * cents against the page's habit are a doubt.
	 */
	private static boolean zeroCentsOutOfHabit(ReadField field, String problem) {
		return problem.equals(SegmentedField.CENTS_AGAINST_HABIT) && field.value().endsWith(".00");
	}

	/**
	 * @param confirmedFromPlace from which place (in cents) on the rules
	 *        confirm the field's digits as read ({@link Long#MAX_VALUE}: no
	 *        rule does). Confirmed from the cent on, the segmenter's doubts (a
	 *        point missed or seen, a mark taken for a digit) are settled, as a
	 *        value with a digit or point too many or too few would not keep
	 *        them; confirmed at all, a point missed before "00" is too, as it
	 *        would make the value a hundred times larger.
	 */
	private static List<ReviewReason> shapeProblems(ReadField field, long confirmedFromPlace) {
		boolean confirmedWhole = confirmedFromPlace == 1;
		List<ReviewReason> problems = new ArrayList<>();
		field.segmented().problems().stream()
				.filter(problem -> !confirmedWhole && !zeroCentsOutOfHabit(field, problem))
				.forEach(problem -> problems.add(new ReviewReason(Kind.SEGMENTATION_COUNT, -1, problem)));
		int written = field.predictions().size();
		if (written == 0) {
			return problems;
		}
		FieldKind kind = field.spec().kind();
		if (field.spec().isCellField()) {
			if (written != field.spec().cells()) {
				problems.add(new ReviewReason(Kind.SEGMENTATION_COUNT, -1,
						written + " of " + field.spec().cells() + " cells written"));
			} else if (kind == FieldKind.DATE && !isDate(field.value())) {
				problems.add(new ReviewReason(Kind.RULE_FAILED, -1, field.value() + " is no date (MMDDYYYY)"));
			}
		} else if (field.spec().isFreeDigitString()) {
			int most = field.spec().maxDigits();
			if (kind == FieldKind.SSN && written != 9) {
				problems.add(new ReviewReason(Kind.SEGMENTATION_COUNT, -1, "an SSN has 9 digits, read " + written));
			} else if (most > 0 && written > most) {
				problems.add(new ReviewReason(Kind.SEGMENTATION_COUNT, -1,
						"at most " + most + " digits, read " + written));
			} else if (!field.spec().digitCounts().isEmpty() && !field.spec().digitCounts().contains(written)) {
				problems.add(new ReviewReason(Kind.SEGMENTATION_COUNT, -1, "written with "
						+ counts(field.spec().digitCounts()) + " digits, read " + written));
			}
		} else if (AmountRule.cents(field.value()).isEmpty() && field.value().indexOf('?') < 0) {
			problems.add(new ReviewReason(Kind.SEGMENTATION_COUNT, -1,
					field.segmented().centsStart() < 0 ? "no cents separator found"
							: "an amount has two cent digits, read " + (written - field.segmented().centsStart())));
		} else if (confirmedFromPlace == Long.MAX_VALUE && mayBeZeroCentsWithPointMissed(field)) {
			problems.add(new ReviewReason(Kind.SEGMENTATION_COUNT, -1, ZEROS_OR_ZERO_CENTS));
		}
		return problems;
	}

	static final String ZEROS_OR_ZERO_CENTS = "read in whole dollars ending in 00: with a point missed before them, "
			+ "the 00 would be cents";
	/** "100" is the least: "00" alone would leave no dollars before the point. */
	private static final int WHOLE_DOLLARS_WITH_ZEROS = 3;

	/**
	 * Writers who leave the cents out now and then write ".00" all the same;
	 * where that point touches a digit or is too light to see, "58.00" reads
	 * 5800, as sure of every digit as a true 5800. Only a rule tells them
	 * apart.
	 */
	private static boolean mayBeZeroCentsWithPointMissed(ReadField field) {
		return field.spec().kind() == FieldKind.AMOUNT && readInWholeDollars(field)
				&& field.segmented().writtenGlyphs().size() >= WHOLE_DOLLARS_WITH_ZEROS
				&& field.value().endsWith("00.00");
	}

	/** Whether an amount was read without a point: its glyphs are all dollars, none cents. */
	private static boolean readInWholeDollars(ReadField field) {
		List<Glyph> written = field.segmented().writtenGlyphs();
		return !written.isEmpty() && field.segmented().centsStart() == written.size();
	}

	/** "5 or 9", "9". */
	private static String counts(List<Integer> counts) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < counts.size(); i++) {
			text.append(i == 0 ? "" : i == counts.size() - 1 ? " or " : ", ").append(counts.get(i));
		}
		return text.toString();
	}

	static boolean isDate(String value) {
		if (!value.matches("\\d{8}")) {
			return false;
		}
		int month = Integer.parseInt(value.substring(0, 2));
		int day = Integer.parseInt(value.substring(2, 4));
		return month >= 1 && month <= 12 && day >= 1 && day <= 31;
	}

	/** The rule's fields by name, in the rule's order. */
	private static Map<String, ReadField> ruleFields(List<String> names, Map<String, ReadField> fields) {
		Map<String, ReadField> ruleFields = new LinkedHashMap<>();
		names.forEach(name -> ruleFields.put(name, fields.get(name)));
		return ruleFields;
	}

	/**
	 * @param held the page's rules that hold as read: a misreading that would
	 *        break one of them explains no failed rule alone (a second
	 *        misreading would have to keep it holding)
	 */
	private void checkRule(RuleReading reading, Map<String, ReadField> fields, Map<String, List<ReviewReason>> reasons,
			Map<String, String> proposals, HeldRules held) {
		if (reading.holds()) {
			return;
		}
		ValidationRule rule = reading.rule();
		List<String> names = reading.names();
		String detail = !reading.unreadable().isEmpty()
				? "rule " + rule.name() + " cannot be checked: " + String.join(", ", reading.unreadable())
						+ " not read as an amount"
				: "rule " + rule.name() + " fails: " + rule.target() + " is "
						+ AmountRule.format(reading.cents().get(rule.target())) + ", the operands give "
						+ AmountRule.format(rule.expectedCents(reading.cents()));
		Optional<Map<String, String>> proposal = proposer.propose(rule, fields).filter(held::keptBy);
		if (proposal.isPresent()) {
			// The confident fields agree with the rule once the doubtful digits take their next choices:
			// only the fields that change need a clerk, and they are queued for their doubtful digits anyway.
			proposals.putAll(proposal.get());
			String because = detail + "; the next choices of its uncertain digits satisfy it with " + proposal.get();
			proposal.get().keySet().forEach(name -> reasons.get(name).add(new ReviewReason(Kind.RULE_FAILED, -1, because)));
			return;
		}
		// A misreading that makes the rule hold must keep the page's other rules holding too.
		Predicate<Map<String, String>> holdsKeepingTheOthers = values -> AmountRule.cents(values)
				.filter(cents -> AmountRule.holds(rule, cents) && held.keptByCents(cents)).isPresent();
		List<String> doubtful = names.stream().filter(name -> !reasons.get(name).isEmpty()).toList();
		Map<String, String> explanations = new LinkedHashMap<>();
		for (String name : doubtful) {
			solveFor(reading, name, fields.get(name), reasons.get(name)).filter(value -> held.keptBy(Map.of(name, value)))
					.ifPresent(value -> explanations.put(name, value));
		}
		if (explanations.size() == 1) {
			// One doubtful field alone explains the failure: the rule has one unknown, the confident fields stand,
			// unless one of their digits the network gave some chance of being another would explain it too.
			Map.Entry<String, String> explanation = explanations.entrySet().iterator().next();
			proposals.put(explanation.getKey(), explanation.getValue());
			reasons.get(explanation.getKey()).add(new ReviewReason(Kind.RULE_FAILED, -1, "rule " + rule.name()
					+ " fails with " + explanation.getKey() + " as read; the other fields give " + explanation.getValue()));
			if (reading.unreadable().isEmpty()) {
				Set<String> suspects = new HashSet<>();
				LikeliestMisreading.candidates(ruleFields(names, fields), holdsKeepingTheOthers).stream()
						.filter(m -> !m.field().equals(explanation.getKey()) && m.odds() >= LikeliestMisreading.MIN_ODDS)
						.filter(m -> suspects.add(m.field()))
						.forEach(m -> reasons.get(m.field()).add(new ReviewReason(Kind.RULE_FAILED,
								fields.get(m.field()).segmented().writtenGlyphs().get(m.index()).position(),
								detail + "; unless " + explanation.getKey() + " is " + explanation.getValue() + ", "
										+ m.change(m.field()))));
			}
			return;
		}
		if (reading.unreadable().isEmpty()) {
			Map<String, ReadField> ruleFields = ruleFields(names, fields);
			Optional<LikeliestMisreading.Misreading<String>> misreading = LikeliestMisreading.of(ruleFields,
					holdsKeepingTheOthers);
			if (misreading.isPresent()) {
				LikeliestMisreading.Misreading<String> m = misreading.get();
				proposals.put(m.field(), m.value());
				reasons.get(m.field()).add(new ReviewReason(Kind.RULE_FAILED,
						fields.get(m.field()).segmented().writtenGlyphs().get(m.index()).position(),
						detail + "; " + m.describe(m.field())));
				return;
			}
			List<String> suspects = OneMisreadingSuspects.of(ruleFields,
					trial -> AmountRule.holds(rule, trial) && held.keptByCents(trial));
			if (!suspects.isEmpty()) {
				String because = detail + "; " + OneMisreadingSuspects.describe(suspects);
				suspects.forEach(name -> reasons.get(name).add(new ReviewReason(Kind.RULE_FAILED, -1, because)));
				names.stream().filter(name -> !suspects.contains(name))
						.forEach(name -> confirmByExclusion(rule, name, fields.get(name), reasons.get(name)));
				return;
			}
		}
		// A field in doubt never stands, so whether another field is the unknown holds for every one that may.
		boolean severalInDoubt = fieldsInDoubt(reading, reasons) > 1;
		boolean unknownAmongThem = severalInDoubt || anUnknown(reading, fields, reasons, explanations.size());
		double standAlone = !reading.unreadable().isEmpty() || severalInDoubt ? UNCHECKED_CONFIDENCE
				: UNEXPLAINED_CONFIDENCE;
		for (String name : names) {
			if (unknownAmongThem && reasons.get(name).isEmpty() && fields.get(name).confidence() >= standAlone) {
				continue;
			}
			reasons.get(name).add(new ReviewReason(Kind.RULE_FAILED, -1, detail));
		}
	}

	/**
	 * Whether a field of a failed rule is an unknown that a clerk
	 * settles anyway, and may be all that is wrong: read with a glyph that is
	 * no digit (the rule cannot be checked) where the value the rule gives
	 * it fits around its digits, that glyph any run of digits; or with its
	 * shape in doubt (a point missed or seen, a mark read as a digit) where
	 * the rule gives it a value at most two digits from the one read; or one
	 * of several doubtful fields that would each explain the failure. A field
	 * sure of itself then stands as one that no rule checks, if surer than
	 * those, as its page has shown a misreading.
	 */
	private boolean anUnknown(RuleReading reading, Map<String, ReadField> fields,
			Map<String, List<ReviewReason>> reasons, int explanations) {
		if (!reading.unreadable().isEmpty()) {
			if (reading.unreadable().stream().anyMatch(other -> reasons.get(other).isEmpty())) {
				return false;
			}
			// two or more unreadable fields are several in doubt, settled before this is asked
			return mayBe(reading, reading.unreadable().get(0),
					value -> mayRead(fields.get(reading.unreadable().get(0)), value));
		}
		if (explanations > 1) {
			return true;
		}
		List<String> shapeInDoubt = reading.names().stream()
				.filter(other -> reasons.get(other).stream().anyMatch(r -> r.kind() == Kind.SEGMENTATION_COUNT))
				.toList();
		return shapeInDoubt.size() == 1 && mayBe(reading, shapeInDoubt.get(0),
				value -> digitsApart(fields.get(shapeInDoubt.get(0)).value(), value) <= 2);
	}

	/**
	 * How many fields of the rule are in doubt of themselves (a digit, their
	 * shape), not only for a rule. Two or more are suspects enough for its
	 * failure: a field sure of itself then stands as one that no rule checks,
	 * as where the rule cannot be checked.
	 */
	private static long fieldsInDoubt(RuleReading reading, Map<String, List<ReviewReason>> reasons) {
		return reading.names().stream()
				.filter(name -> reasons.get(name).stream().anyMatch(reason -> reason.kind() != Kind.RULE_FAILED))
				.count();
	}

	/**
	 * Whether the value the rule gives {@code unknown}, the others as read,
	 * passes {@code fits}; true when the rule gives it no single value (a
	 * percent rule's operand), false when it would have to be negative.
	 */
	private static boolean mayBe(RuleReading reading, String unknown, Predicate<String> fits) {
		if (AmountRule.unsolvable(reading.rule(), unknown, reading.cents())) {
			return false;
		}
		OptionalLong value = AmountRule.solve(reading.rule(), unknown, reading.cents());
		return value.isEmpty() || fits.test(AmountRule.format(value.getAsLong()));
	}

	/**
	 * Whether {@code value} fits the field's reading: its confident digits as
	 * read, its doubtful ones any the network gave a chance, a glyph read as
	 * no digit any run of digits; read in whole dollars, the point may have
	 * been missed.
	 */
	private boolean mayRead(ReadField field, String value) {
		String digits = SegmentedField.written(field.predictions(), field.spec().isCellField());
		String pattern = readingPattern(field, digits, doubtfulPositions(field), "\\d*");
		String proposed = value.replace(".", "");
		return proposed.matches(pattern) || readInWholeDollars(field) && proposed.matches(pattern + "00");
	}

	/** The edit distance between the digits of two amounts. */
	static int digitsApart(String a, String b) {
		String x = a.replace(".", "");
		String y = b.replace(".", "");
		int[] previous = new int[y.length() + 1];
		int[] current = new int[y.length() + 1];
		for (int j = 0; j <= y.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= x.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= y.length(); j++) {
				int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[y.length()];
	}

	/**
	 * A field of a failed rule that no one misreading of it can explain is
	 * right unless a second field is wrong too, as with a rule that holds: its
	 * digits need only the confidence of a field a rule confirms (of a percent
	 * rule's operand, those the rule sees).
	 */
	private void confirmByExclusion(ValidationRule rule, String name, ReadField field, List<ReviewReason> reasons) {
		List<ReviewReason> unconfirmed = digitDoubts(field, Long.MAX_VALUE);
		if (!unconfirmed.isEmpty() && reasons.containsAll(unconfirmed)) {
			reasons.removeAll(unconfirmed);
			reasons.addAll(0, digitDoubts(field, confirmedFromPlace(rule, name)));
		}
	}

	/**
	 * Taking one doubtful field of a failed rule as its only unknown, with
	 * the other fields as read, the rule tells what that field should be.
	 *
	 * @return that value, when the field's doubtful glyphs can explain it;
	 *         empty when the others cannot all be read as amounts or some
	 *         confident digit of the field would have to be wrong
	 */
	private static Optional<String> solveFor(RuleReading reading, String unknown, ReadField field,
			List<ReviewReason> doubts) {
		if (reading.unreadable().stream().anyMatch(name -> !name.equals(unknown))) {
			return Optional.empty();
		}
		Map<String, Long> known = new HashMap<>(reading.cents());
		known.remove(unknown);
		ValidationRule rule = reading.rule();
		OptionalLong solved = AmountRule.solve(rule, unknown, known);
		if (solved.isEmpty()) {
			return Optional.empty();
		}
		String value = AmountRule.format(solved.getAsLong());
		return differsOnlyWhereInDoubt(field, value, positions(doubts)) ? Optional.of(value) : Optional.empty();
	}

	/**
	 * True when {@code value} has the field's digits wherever they were read
	 * without doubt, and where it differs the network gave its digit at least
	 * a small chance (else a confident digit elsewhere is the likelier
	 * culprit); or differs from them by one digit more or less next to
	 * (or at) a doubtful glyph: a thin 1 taken into its neighbour, a digit
	 * broken in two (one piece in doubt and maybe no digit), two touching
	 * digits read as one (in doubt and maybe no digit).
	 *
	 * @param doubtful the positions of the field's glyphs in doubt
	 */
	static boolean differsOnlyWhereInDoubt(ReadField field, String value, Set<Integer> doubtful) {
		List<Glyph> written = field.segmented().writtenGlyphs();
		// one character per written glyph: an amount read in whole dollars has no glyphs for its cents
		String digits = SegmentedField.written(field.predictions(), field.spec().isCellField());
		String proposed = value.replace(".", "");
		if (readInWholeDollars(field)) {
			if (!proposed.endsWith("00")) {
				return false;
			}
			proposed = proposed.substring(0, proposed.length() - 2);
		}
		if (digits.indexOf('?') >= 0) {
			return proposed.matches(readingPattern(field, digits, doubtful));
		}
		if (digits.length() == proposed.length()) {
			for (int i = 0; i < digits.length(); i++) {
				if (digits.charAt(i) != proposed.charAt(i) && (!doubtful.contains(written.get(i).position())
						|| probability(field.predictions().get(i), proposed.charAt(i) - '0') < SumRuleProposer.MIN_CHOICE_PROBABILITY)) {
					return false;
				}
			}
			return true;
		}
		if (digits.length() == proposed.length() + 1) {
			// A glyph too many: it must be in doubt, and the rest as read; or a digit broken in two
			// glyphs, one of them in doubt and maybe no digit, which together are the one digit in their place.
			for (int i = 0; i < digits.length(); i++) {
				if (doubtful.contains(written.get(i).position()) && withoutAt(digits, i).equals(proposed)) {
					return true;
				}
				boolean brokenPiece = i + 1 < digits.length()
						&& (mayBeAPiece(field, written, i, doubtful) || mayBeAPiece(field, written, i + 1, doubtful));
				if (brokenPiece && withoutAt(withoutAt(digits, i), i).equals(withoutAt(proposed, i))) {
					return true;
				}
			}
			return false;
		}
		if (digits.length() + 1 == proposed.length()) {
			// A digit missing: the glyph it was lost into (either side of the gap) must be in doubt;
			// or a glyph in doubt and maybe no digit is two touching digits.
			for (int i = 0; i < proposed.length(); i++) {
				boolean besideDoubt = i > 0 && doubtful.contains(written.get(i - 1).position())
						|| i < digits.length() && doubtful.contains(written.get(i).position());
				if (besideDoubt && withoutAt(proposed, i).equals(digits)) {
					return true;
				}
				boolean twoInOne = i < digits.length() && mayBeAPiece(field, written, i, doubtful);
				if (twoInOne && withoutAt(digits, i).equals(withoutAt(withoutAt(proposed, i), i))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether written glyph {@code index} is in doubt and the network gave
	 * it some chance of being no digit: a piece of a digit, or two touching
	 * digits (the network learnt both as no digit).
	 */
	private static boolean mayBeAPiece(ReadField field, List<Glyph> written, int index, Set<Integer> doubtful) {
		return doubtful.contains(written.get(index).position())
				&& DigitDoubt.notADigit(field.predictions().get(index)) >= SumRuleProposer.MIN_CHOICE_PROBABILITY;
	}

	/**
	 * The values a reading with glyphs read as no digit can stand for: such
	 * a glyph is two touching digits, one digit the network did not know or
	 * a mark that is none; a doubtful digit is any the network gave a chance;
	 * the confident digits are as read.
	 */
	private static String readingPattern(ReadField field, String digits, Set<Integer> doubtful) {
		return readingPattern(field, digits, doubtful, "\\d{0,2}");
	}

	/** @param noDigit what a glyph read as no digit stands for, as a regular expression */
	private static String readingPattern(ReadField field, String digits, Set<Integer> doubtful, String noDigit) {
		List<Glyph> written = field.segmented().writtenGlyphs();
		StringBuilder pattern = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (digits.charAt(i) == '?') {
				pattern.append(noDigit);
			} else if (doubtful.contains(written.get(i).position())) {
				pattern.append('[').append(digits.charAt(i));
				field.predictions().get(i).ranked().stream().filter(ClassProbability::isDigit)
						.filter(c -> c.probability() >= SumRuleProposer.MIN_CHOICE_PROBABILITY)
						.forEach(c -> pattern.append(c.digit()));
				pattern.append(']');
			} else {
				pattern.append(digits.charAt(i));
			}
		}
		return pattern.toString();
	}

	/** What the network gave {@code digit} for this glyph. */
	static double probability(DigitPrediction prediction, int digit) {
		return prediction.ranked().stream().filter(c -> c.digit() == digit).mapToDouble(ClassProbability::probability)
				.findFirst().orElse(0);
	}

	private static String withoutAt(String digits, int index) {
		return digits.substring(0, index) + digits.substring(index + 1);
	}

	private static List<DigitResult> digits(ReadField field) {
		List<DigitResult> digits = new ArrayList<>();
		int written = 0;
		for (Glyph glyph : field.segmented().glyphs()) {
			Optional<DigitPrediction> prediction = glyph.empty() ? Optional.empty()
					: Optional.of(field.predictions().get(written++));
			digits.add(new DigitResult(glyph.position(), glyph.pageBox(), glyph.image(), prediction));
		}
		return digits;
	}
}
