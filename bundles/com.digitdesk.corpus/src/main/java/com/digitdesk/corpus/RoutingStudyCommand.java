package com.digitdesk.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.routing.FieldRouting;
import com.digitdesk.api.routing.RoutingPolicy;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.corpus.CorpusReader.StudiedPage;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code digitdesk routing-study DIR}: the field-level reject curve of a
 * corpus with ground truth. Reads every page once, routes it at a range of
 * digit thresholds and reports, for each, how many fields are auto-accepted
 * and how many of those are wrong; then the lowest threshold whose error
 * among auto-accepted fields stays within the target.
 */
@Component(service = Subcommand.class, property = "digitdesk.command=routing-study")
public class RoutingStudyCommand implements Subcommand {

	static final double DEFAULT_TARGET_ERROR = 0.001;
	static final double[] THRESHOLDS = { 0.5, 0.8, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9995, 0.9999 };

	private final CorpusReader corpus;
	private final FieldRouting routing;

	@Activate
	public RoutingStudyCommand(@Reference PageRenderer renderer, @Reference PageReader reader,
			@Reference FieldRouting routing) {
		this.corpus = new CorpusReader(renderer, reader);
		this.routing = routing;
	}

	@Override
	public String summary() {
		return "field-level reject curve on a corpus with ground truth: the threshold for a target error";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk routing-study DIR [--target-error E] [--rule-checked-threshold P] [--json] [--threads N]

				Reads every NAME.pdf of a corpus with its NAME.json ground truth (see
				digitdesk corpus), routes each page's fields at digit thresholds from
				0.5 to 0.9999 and prints, per threshold, the share of fields
				auto-accepted and the share of those that are wrong. Recommends the
				lowest threshold whose error among auto-accepted fields is at most E
				(default %s, i.e. 0.1%%); set it as digitThreshold of configuration
				com.digitdesk.routing, or pass it to import --threshold.""".formatted(DEFAULT_TARGET_ERROR);
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		double target;
		int threads;
		double ruleCheckedThreshold;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--target-error", "--threads", "--rule-checked-threshold"), Set.of("--json"));
			if (options.positional().size() != 1) {
				throw new IllegalArgumentException("give one corpus directory");
			}
			target = options.getDouble("--target-error", DEFAULT_TARGET_ERROR);
			threads = options.getInt("--threads", Runtime.getRuntime().availableProcessors());
			ruleCheckedThreshold = options.getDouble("--rule-checked-threshold",
					routing.policy().ruleCheckedDigitThreshold());
		} catch (IllegalArgumentException e) {
			context.err().println("routing-study: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		Path directory = context.resolve(options.positional().get(0));
		if (!Files.isDirectory(directory)) {
			context.err().println("routing-study: " + directory + " is not a directory");
			return 2;
		}
		long start = System.nanoTime();
		CorpusReader.Result<ReadPage> read = corpus.read(directory, threads, PageReader::read);
		List<StudiedPage<ReadPage>> pages = read.pages();
		List<String> problems = read.problems();
		double seconds = (System.nanoTime() - start) / 1e9;
		if (pages.isEmpty()) {
			context.err().println("routing-study: no PDF with a ground truth .json beside it in " + directory);
			return 1;
		}
		RoutingPolicy base = routing.policy().withRuleCheckedThreshold(ruleCheckedThreshold);
		List<Map<String, Object>> curve = new ArrayList<>();
		Map<String, Object> chosen = null;
		for (double threshold : THRESHOLDS) {
			Map<String, Object> point = point(pages, base.withThreshold(threshold));
			curve.add(point);
			if (chosen == null && (double) point.get("auto_accepted_error") <= target) {
				chosen = point;
			}
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("pages", pages.size());
		report.put("fields", curve.get(0).get("fields"));
		report.put("target_error", target);
		report.put("recommended_threshold", chosen == null ? null : chosen.get("threshold"));
		report.put("at_recommended", chosen);
		report.put("rule_checked_threshold", base.ruleCheckedDigitThreshold());
		report.put("configured_threshold", base.digitThreshold());
		// The configured threshold is usually a point of the curve already: route the pages again only if not.
		Map<String, Object> atConfigured = curve.stream()
				.filter(point -> (double) point.get("threshold") == base.digitThreshold()).findFirst()
				.orElseGet(() -> point(pages, base));
		report.put("at_configured", atConfigured);
		report.put("read_pages_per_second", Math.round(pages.size() / seconds * 100) / 100.0);
		report.put("curve", curve);
		report.put("problems", List.copyOf(problems));
		ObjectMapper json = new ObjectMapper();
		if (options.has("--json")) {
			context.out().println(json.writeValueAsString(report));
			return 0;
		}
		context.out().printf(Locale.ROOT, "%d pages, %d fields; target: at most %.2f%% of auto-accepted fields wrong%n",
				pages.size(), (int) curve.get(0).get("fields"), target * 100);
		context.out().println("threshold  auto-accepted  wrong among them  wrong overall (before review)");
		for (Map<String, Object> point : curve) {
			context.out().printf(Locale.ROOT, "%9s  %12.2f%%  %15.3f%%  %8.2f%%%n", point.get("threshold"),
					100 * (double) point.get("auto_accepted_rate"), 100 * (double) point.get("auto_accepted_error"),
					100 * (double) point.get("field_error"));
		}
		context.out().println(chosen == null ? "no threshold meets the target"
				: "recommended digitThreshold: " + chosen.get("threshold") + " (configuration "
						+ "com.digitdesk.routing, or import --threshold " + chosen.get("threshold") + ")");
		printWrongAmongAccepted(context, atConfigured);
		problems.forEach(problem -> context.err().println("routing-study: " + problem));
		return 0;
	}

	/** The fields auto-accepted at the configured threshold that the truth says are wrong: what the threshold lets through. */
	@SuppressWarnings("unchecked")
	private static void printWrongAmongAccepted(CommandContext context, Map<String, Object> configured) {
		List<Map<String, Object>> wrong = (List<Map<String, Object>>) configured.get("wrong_among_accepted");
		if (wrong.isEmpty()) {
			return;
		}
		context.out().println("auto-accepted and wrong at the configured threshold " + configured.get("threshold") + ":");
		for (Map<String, Object> field : wrong) {
			context.out().printf(Locale.ROOT, "  %s page %s %s: read %s, truth %s (confidence %.4f)%n",
					field.get("source_file"), field.get("page"), field.get("field"), field.get("value"),
					field.get("truth"), field.get("confidence"));
		}
	}

	/** Every page routed at one policy, in the groups of its file, as the import routes them. */
	private Map<StudiedPage<ReadPage>, PageResult> routed(List<StudiedPage<ReadPage>> pages, RoutingPolicy policy) {
		Map<Path, List<StudiedPage<ReadPage>>> byFile = new LinkedHashMap<>();
		pages.forEach(page -> byFile.computeIfAbsent(page.file(), file -> new ArrayList<>()).add(page));
		Map<StudiedPage<ReadPage>, PageResult> results = new IdentityHashMap<>();
		for (List<StudiedPage<ReadPage>> document : byFile.values()) {
			Map<Integer, PageResult> byPage = new HashMap<>();
			for (List<ReadPage> group : routing.groups(document.stream().map(StudiedPage::page).toList())) {
				routing.route(group, policy).forEach(result -> byPage.put(result.pageIndex(), result));
			}
			document.forEach(page -> results.put(page, byPage.get(page.pageIndex())));
		}
		return results;
	}

	/** Routes every page at one policy and scores the auto-accepted fields against the truth. */
	private Map<String, Object> point(List<StudiedPage<ReadPage>> pages, RoutingPolicy policy) {
		Map<StudiedPage<ReadPage>, PageResult> results = routed(pages, policy);
		Tally all = new Tally();
		Map<String, Tally> byField = new TreeMap<>();
		List<Map<String, Object>> wrongAmongAccepted = new ArrayList<>();
		for (StudiedPage<ReadPage> studied : pages) {
			PageResult result = results.get(studied);
			if (!result.isReadable() || !result.templateId().equals(studied.truth().template())) {
				studied.truth().fields().keySet().forEach(name -> all.count(false, false));
				continue;
			}
			for (FieldResult field : result.fields()) {
				String truth = studied.truth().fields().getOrDefault(field.name(), "");
				boolean right = field.value().equals(truth);
				boolean accepted = field.status() == FieldStatus.AUTO_ACCEPTED;
				all.count(right, accepted);
				byField.computeIfAbsent(result.templateId() + "/" + field.name(), name -> new Tally()).count(right, accepted);
				if (accepted && !right) {
					Map<String, Object> example = new LinkedHashMap<>();
					example.put("source_file", studied.file().getFileName().toString());
					example.put("page", studied.pageIndex() + 1);
					example.put("field", field.name());
					example.put("value", field.value());
					example.put("truth", truth);
					example.put("confidence", field.confidence());
					wrongAmongAccepted.add(example);
				}
			}
		}
		Map<String, Object> point = new LinkedHashMap<>();
		point.put("threshold", policy.digitThreshold());
		point.putAll(all.asMap());
		point.put("wrong_among_accepted", wrongAmongAccepted);
		Map<String, Object> fields = new LinkedHashMap<>();
		byField.forEach((name, tally) -> fields.put(name, tally.asMap()));
		point.put("by_field", fields);
		return point;
	}

	/** Fields counted: how many, how many auto-accepted, how many of those wrong, how many wrong in all. */
	private static final class Tally {
		private int fields;
		private int accepted;
		private int acceptedWrong;
		private int wrong;

		void count(boolean right, boolean autoAccepted) {
			fields++;
			wrong += right ? 0 : 1;
			accepted += autoAccepted ? 1 : 0;
			acceptedWrong += autoAccepted && !right ? 1 : 0;
		}

		Map<String, Object> asMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("fields", fields);
			map.put("auto_accepted", accepted);
			map.put("auto_accepted_wrong", acceptedWrong);
			map.put("auto_accepted_rate", fields == 0 ? 0.0 : (double) accepted / fields);
			map.put("auto_accepted_error", accepted == 0 ? 0.0 : (double) acceptedWrong / accepted);
			map.put("field_error", fields == 0 ? 0.0 : (double) wrong / fields);
			return map;
		}
	}
}
