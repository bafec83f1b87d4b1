package com.digitdesk.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.digitdesk.api.reading.ReadField;
import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.routing.RoutingPolicy;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.ValidationRule;

/**
 * When a rule fails, looks among the recognizer's next choices for the
 * uncertain digits of the rule's fields for the most probable combination
 * that satisfies it.
 */
final class SumRuleProposer {

	/** Choices per digit: the top ones carry nearly all the probability. */
	static final int CHOICES_PER_DIGIT = 3;
	/**
	 * A choice the network gave less than this is no repair: that the rule
	 * holds with it more likely means a confident digit elsewhere is wrong.
	 */
	static final double MIN_CHOICE_PROBABILITY = 0.01;

	private final RoutingPolicy policy;

	SumRuleProposer(RoutingPolicy policy) {
		this.policy = policy;
	}

	/** One uncertain digit and what else it might be. */
	private record Doubt(String field, int index, List<ClassProbability> choices, double confidence) {
	}

	/**
	 * @param fields the page's fields by name
	 * @return new values of the fields the proposal changes, empty when no
	 *         combination of next choices satisfies the rule
	 */
	Optional<Map<String, String>> propose(ValidationRule rule, Map<String, ReadField> fields) {
		List<String> names = new ArrayList<>(rule.operands());
		names.add(rule.target());
		Map<String, char[]> digits = new HashMap<>();
		List<Doubt> doubts = new ArrayList<>();
		for (String name : names) {
			List<DigitPrediction> predictions = fields.get(name).predictions();
			for (int i = 0; i < predictions.size(); i++) {
				DigitPrediction prediction = predictions.get(i);
				if (DigitDoubt.isDoubtful(prediction, policy.digitThreshold())) {
					doubts.add(new Doubt(name, i, choices(prediction), prediction.isDigit() ? prediction.confidence() : 0));
				}
			}
			digits.put(name, SegmentedField.written(predictions, false).toCharArray());
		}
		if (doubts.isEmpty()) {
			return Optional.empty();
		}
		doubts.sort(Comparator.comparingDouble(Doubt::confidence));
		List<Doubt> searched = doubts.subList(0, Math.min(doubts.size(), policy.maxProposalDigits()));
		Search search = new Search(rule, fields, names, digits, searched);
		search.from(0, 1);
		if (search.bestDigits == null) {
			return Optional.empty();
		}
		Map<String, String> changed = new LinkedHashMap<>();
		for (String name : names) {
			String value = fields.get(name).segmented().value(new String(search.bestDigits.get(name)));
			if (!value.equals(fields.get(name).value())) {
				changed.put(name, value);
			}
		}
		return Optional.of(changed);
	}

	private static List<ClassProbability> choices(DigitPrediction prediction) {
		return prediction.ranked().stream().filter(ClassProbability::isDigit)
				.filter(c -> c.probability() >= MIN_CHOICE_PROBABILITY).limit(CHOICES_PER_DIGIT).toList();
	}

	/** Depth-first over the doubts' choices, keeping the most probable combination that satisfies the rule. */
	private static final class Search {
		private final ValidationRule rule;
		private final Map<String, ReadField> fields;
		private final List<String> names;
		private final Map<String, char[]> digits;
		private final List<Doubt> doubts;
		private double bestProbability;
		private Map<String, char[]> bestDigits;

		Search(ValidationRule rule, Map<String, ReadField> fields, List<String> names, Map<String, char[]> digits,
				List<Doubt> doubts) {
			this.rule = rule;
			this.fields = fields;
			this.names = names;
			this.digits = digits;
			this.doubts = doubts;
		}

		void from(int doubt, double probability) {
			if (probability <= bestProbability) {
				return;
			}
			if (doubt == doubts.size()) {
				consider(probability);
				return;
			}
			Doubt d = doubts.get(doubt);
			char[] field = digits.get(d.field());
			char original = field[d.index()];
			for (ClassProbability choice : d.choices()) {
				field[d.index()] = (char) ('0' + choice.digit());
				from(doubt + 1, probability * choice.probability());
			}
			field[d.index()] = original;
		}

		private void consider(double probability) {
			Map<String, String> values = new HashMap<>();
			names.forEach(name -> values.put(name, fields.get(name).segmented().value(new String(digits.get(name)))));
			if (AmountRule.holdsForValues(rule, values)) {
				bestProbability = probability;
				bestDigits = new HashMap<>();
				digits.forEach((name, d) -> bestDigits.put(name, d.clone()));
			}
		}
	}
}
