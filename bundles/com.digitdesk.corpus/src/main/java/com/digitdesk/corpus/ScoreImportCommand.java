package com.digitdesk.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code digitdesk score-import DIR}: what an import of a corpus stored,
 * field by field against the corpus's ground truth: how many fields are
 * read right, how many the clerk is offered right (the rules' proposal
 * where there is one, as the verification window offers it), how many were
 * auto-accepted and how many of those are wrong; in all, per template and
 * per kind of scan.
 */
@Component(service = Subcommand.class, property = "digitdesk.command=score-import")
public class ScoreImportCommand implements Subcommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
	private static final String ALL = "all";
	/** Accepted and wrong fields listed at most. */
	private static final int LISTED = 50;

	private final ResultStores stores;

	@Activate
	public ScoreImportCommand(@Reference ResultStores stores) {
		this.stores = stores;
	}

	@Override
	public String summary() {
		return "scores what an import of a corpus stored against its ground truth: right, accepted, accepted and wrong";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk score-import DIR [--db JDBC-URL] [--json]

				Compares every stored field of the files of corpus DIR (NAME.pdf with
				its NAME.json ground truth, see digitdesk corpus; matched by file
				name) after 'digitdesk import DIR' with the value written there, and
				prints, in all, per template and per kind of scan (resolution,
				bilevel or gray, compression): fields, read right (the value
				stored), offered right (the rules' proposal where there is one, else
				the value: what the verification window offers the clerk),
				auto-accepted, and auto-accepted but wrong, with those fields listed.
				Fields of the ground truth the store lacks count as wrong and not
				accepted (missing_fields).""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		Path corpus;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--db"), Set.of("--json"));
			if (options.positional().size() != 1) {
				throw new IllegalArgumentException("one corpus directory is needed");
			}
			corpus = context.resolve(options.positional().get(0));
		} catch (IllegalArgumentException e) {
			context.err().println("score-import: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		if (!Files.isDirectory(corpus)) {
			context.err().println("score-import: " + corpus + " is no directory");
			return 2;
		}
		Map<FieldKey, Truth> truths;
		try {
			truths = truths(corpus);
		} catch (IOException e) {
			context.err().println("score-import: " + e.getMessage());
			return 1;
		}
		// "all" first, then the templates and the kinds of scan by name
		Map<String, Tally> groups = new TreeMap<>(
				Comparator.comparing((String group) -> !group.equals(ALL)).thenComparing(Comparator.naturalOrder()));
		groups.put(ALL, new Tally());
		List<AcceptedWrong> acceptedWrong = new ArrayList<>();
		Set<FieldKey> seen = new HashSet<>();
		try {
			stores.store(options.get("--db", stores.defaultUrl())).forEachField(field -> {
				FieldKey key = new FieldKey(Path.of(field.sourceFile()).getFileName().toString(), field.page(),
						field.name());
				Truth truth = truths.get(key);
				if (truth == null || !seen.add(key)) {
					return; // another file's field, or a second import of the same file under another name
				}
				boolean right = field.value().equals(truth.value());
				boolean offered = field.proposal().orElse(field.value()).equals(truth.value());
				boolean accepted = field.status() == FieldStatus.AUTO_ACCEPTED;
				count(groups, truth, right, offered, accepted);
				if (accepted && !right && acceptedWrong.size() < LISTED) {
					acceptedWrong.add(new AcceptedWrong(field, truth));
				}
			});
		} catch (StoreException e) {
			context.err().println("score-import: " + e.getMessage());
			return 1;
		}
		int missing = 0;
		for (Map.Entry<FieldKey, Truth> entry : truths.entrySet()) {
			if (!seen.contains(entry.getKey())) {
				missing++;
				count(groups, entry.getValue(), false, false, false);
			}
		}
		if (options.has("--json")) {
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("corpus", corpus.toString());
			report.put("fields", groups.get(ALL).fields);
			report.put("missing_fields", missing);
			Map<String, Object> byGroup = new LinkedHashMap<>();
			groups.forEach((name, tally) -> byGroup.put(name, tally.json()));
			report.put("groups", byGroup);
			report.put("accepted_wrong_fields", acceptedWrong.stream().map(AcceptedWrong::json).toList());
			context.out().println(JSON.writeValueAsString(report));
		} else {
			print(context.out(), corpus, groups, missing, acceptedWrong);
		}
		return 0;
	}

	/** Every field of the corpus's ground truth, by file name, page and field. */
	private static Map<FieldKey, Truth> truths(Path corpus) throws IOException {
		Map<FieldKey, Truth> truths = new HashMap<>();
		for (Path pdf : GroundTruth.pdfsWithTruth(corpus)) {
			List<GroundTruth.Page> pages = GroundTruth.read(GroundTruth.fileFor(pdf)).pages();
			for (int i = 0; i < pages.size(); i++) {
				GroundTruth.Page page = pages.get(i);
				String scan = scan(page.scan());
				for (Map.Entry<String, String> field : page.fields().entrySet()) {
					truths.put(new FieldKey(pdf.getFileName().toString(), i + 1, field.getKey()),
							new Truth(page.template(), scan, field.getValue()));
				}
			}
		}
		return truths;
	}

	/** Counts a field in every group it belongs to. */
	private static void count(Map<String, Tally> groups, Truth truth, boolean right, boolean offered,
			boolean accepted) {
		for (String group : truth.groups()) {
			groups.computeIfAbsent(group, g -> new Tally()).add(right, offered, accepted);
		}
	}

	/** "200 dpi bilevel g4" */
	static String scan(Map<String, Object> scan) {
		if (scan.isEmpty()) {
			return "unknown";
		}
		return scan.get("dpi") + " dpi " + (Boolean.TRUE.equals(scan.get("bilevel")) ? "bilevel" : "gray") + " "
				+ scan.get("compression");
	}

	private static void print(PrintStream out, Path corpus, Map<String, Tally> groups, int missing,
			List<AcceptedWrong> acceptedWrong) {
		out.printf("score-import: %s (%d fields of its ground truth not in the store)%n", corpus, missing);
		out.printf("%-34s %7s %8s %8s %9s %22s%n", "", "fields", "right", "offered", "accepted",
				"accepted and wrong");
		groups.forEach((name, t) -> out.printf(Locale.ROOT, "%-34s %7d %7.2f%% %7.2f%% %8.2f%% %12d (%.3f%%)%n", name,
				t.fields, 100 * t.share(t.right), 100 * t.share(t.offered), 100 * t.share(t.accepted), t.acceptedWrong,
				100 * t.acceptedWrongShare()));
		for (AcceptedWrong wrong : acceptedWrong) {
			out.printf("accepted and wrong: %s page %d %s: expected \"%s\", stored \"%s\" (%s)%n",
					wrong.field().sourceFile(), wrong.field().page(), wrong.field().name(), wrong.truth().value(),
					wrong.field().value(), wrong.truth().scan());
		}
	}

	private record FieldKey(String file, int page, String field) {
	}

	private record Truth(String template, String scan, String value) {

		/** The groups a field is counted in: all fields, its template's, its kind of scan's. */
		List<String> groups() {
			return List.of(ALL, "template " + template, "scan " + scan);
		}
	}

	/** An auto-accepted field whose value is not its ground truth's. */
	private record AcceptedWrong(StoredField field, Truth truth) {

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("source_file", field.sourceFile());
			json.put("page", field.page());
			json.put("field", field.name());
			json.put("expected", truth.value());
			json.put("value", field.value());
			json.put("confidence", field.confidence());
			json.put("scan", truth.scan());
			return json;
		}
	}

	/** Counts of one group of fields. */
	private static final class Tally {
		int fields;
		int right;
		int offered;
		int accepted;
		int acceptedWrong;

		void add(boolean isRight, boolean isOffered, boolean isAccepted) {
			fields++;
			right += isRight ? 1 : 0;
			offered += isOffered ? 1 : 0;
			accepted += isAccepted ? 1 : 0;
			acceptedWrong += isAccepted && !isRight ? 1 : 0;
		}

		double share(int count) {
			return fields == 0 ? 0 : (double) count / fields;
		}

		/** The share of the auto-accepted fields that are wrong. */
		double acceptedWrongShare() {
			return accepted == 0 ? 0 : (double) acceptedWrong / accepted;
		}

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("fields", fields);
			json.put("right", right);
			json.put("right_rate", share(right));
			json.put("offered_right", offered);
			json.put("offered_right_rate", share(offered));
			json.put("auto_accepted", accepted);
			json.put("auto_accepted_rate", share(accepted));
			json.put("accepted_wrong", acceptedWrong);
			json.put("accepted_wrong_rate", acceptedWrongShare());
			return json;
		}
	}
}
