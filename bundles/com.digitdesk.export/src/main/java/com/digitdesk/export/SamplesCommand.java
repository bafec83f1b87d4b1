package com.digitdesk.export;

import java.nio.file.Files;
import java.nio.file.Path;
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
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.Sample;
import com.digitdesk.api.store.SampleCount;
import com.digitdesk.api.store.SampleState;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.VerifiedSamples;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.LabelledDigit;
import com.digitdesk.api.training.SampleOrigin;
import com.digitdesk.api.training.MnistDatasets;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code digitdesk samples}: the verified digits kept for training, counted
 * by class, source and state; the suspect ones listed, confirmed by a second
 * clerk or accepted by an admin.
 */
@Component(service = Subcommand.class, property = Subcommand.NAME + "=samples")
public class SamplesCommand implements Subcommand {

	private final ResultStores stores;
	private final MnistDatasets idx;

	@Activate
	public SamplesCommand(@Reference ResultStores stores, @Reference MnistDatasets idx) {
		this.stores = stores;
		this.idx = idx;
	}

	@Override
	public String summary() {
		return "count the verified digits kept for training; list, confirm or accept suspect ones";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk samples [--db JDBC-URL] [--json]
				       digitdesk samples suspect [--db JDBC-URL] [--json] [--limit N]
				       digitdesk samples confirm ID --clerk NAME [--db JDBC-URL]
				       digitdesk samples accept ID --admin NAME [--db JDBC-URL]
				       digitdesk samples export PREFIX [--db JDBC-URL]

				Every digit a clerk verifies (typed, corrected or confirmed as read,
				in the window, a confusion-pair grid or 'verify --from-csv') is kept
				with its glyph as a training sample. A label the reading model gave a
				probability below the verification setting suspectBelow (default
				1e-4), or a glyph kept before with another label, is suspect: not
				used until a second clerk confirms it or an admin accepts it. A
				glyph kept before with the same label is kept once; an undone
				decision's samples are withdrawn.

				samples: counts by class (-1 = not a digit), source and state.
				--json: an object with total, by_state, by_source, by_class (class
				-> state -> count) and counts (label, source, state, count).
				suspect: the suspect samples, oldest first (at most N, default 100).
				export: the accepted samples of digits 0-9 as IDX files in MNIST's
				layout, PREFIX-images-idx3-ubyte and PREFIX-labels-idx1-ubyte (each
				written whole or not at all), e.g. for 'train --form-glyphs' or
				'eval --digits'.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--db", "--limit", "--clerk", "--admin"),
					Set.of("--json"));
		} catch (IllegalArgumentException e) {
			context.err().println("samples: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		List<String> words = options.positional();
		String action = words.isEmpty() ? "count" : words.get(0);
		try {
			VerifiedSamples store = stores.store(options.get("--db", stores.defaultUrl()));
			return switch (action) {
			case "count" -> count(context, store, options.has("--json"));
			case "suspect" -> suspect(context, store, options);
			case "confirm" -> settle(context, store, words, options.get("--clerk", ""), "--clerk", true);
			case "accept" -> settle(context, store, words, options.get("--admin", ""), "--admin", false);
			case "export" -> export(context, store, words);
			default -> usageError(context, "no such action: " + action);
			};
		} catch (StoreException e) {
			context.err().println("samples: " + e.getMessage());
			return 1;
		} catch (IllegalArgumentException e) {
			return usageError(context, e.getMessage());
		}
	}

	private int usageError(CommandContext context, String message) {
		context.err().println("samples: " + message + "\n" + usage());
		return 2;
	}

	private static int count(CommandContext context, VerifiedSamples store, boolean json) throws Exception {
		List<SampleCount> counts = store.sampleCounts();
		Map<String, Long> byState = new TreeMap<>();
		Map<String, Long> bySource = new TreeMap<>();
		Map<Integer, Map<String, Long>> byClass = new TreeMap<>();
		long total = 0;
		for (SampleCount count : counts) {
			byState.merge(count.state().code(), count.count(), Long::sum);
			bySource.merge(count.source(), count.count(), Long::sum);
			byClass.computeIfAbsent(count.label(), l -> new TreeMap<>()).merge(count.state().code(), count.count(),
					Long::sum);
			total += count.count();
		}
		if (json) {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("total", total);
			out.put("by_state", byState);
			out.put("by_source", bySource);
			Map<String, Object> classes = new LinkedHashMap<>();
			byClass.forEach((label, states) -> classes.put(Integer.toString(label), states));
			out.put("by_class", classes);
			out.put("counts", counts.stream().map(c -> Map.of("label", c.label(), "source", c.source(), "state",
					c.state().code(), "count", c.count())).toList());
			context.out().println(new ObjectMapper().writeValueAsString(out));
			return 0;
		}
		context.out().printf(Locale.ROOT, "samples: %d (%s)%n", total, describe(byState));
		context.out().printf(Locale.ROOT, "  by source: %s%n", describe(bySource));
		context.out().printf(Locale.ROOT, "  %-7s %9s %9s %9s%n", "class", "accepted", "suspect", "withdrawn");
		byClass.forEach((label, states) -> context.out().printf(Locale.ROOT, "  %-7s %9d %9d %9d%n",
				label < 0 ? "none" : Integer.toString(label), states.getOrDefault("accepted", 0L),
				states.getOrDefault("suspect", 0L), states.getOrDefault("withdrawn", 0L)));
		return 0;
	}

	private static String describe(Map<String, Long> counts) {
		return counts.isEmpty() ? "none"
				: String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
	}

	private static int suspect(CommandContext context, VerifiedSamples store, CommandOptions options)
			throws Exception {
		int limit = options.getInt("--limit", 100);
		List<Sample> suspect = store.samples(SampleState.SUSPECT, limit);
		if (options.has("--json")) {
			context.out().println(new ObjectMapper().writeValueAsString(suspect.stream().map(s -> {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("id", s.id());
				json.put("field_id", s.fieldId());
				json.put("position", s.position());
				json.put("label", s.label());
				json.put("read_probability", s.readProbability());
				json.put("clerk", s.clerk());
				json.put("source", s.source());
				json.put("model_version", s.modelVersion().orElse(null));
				json.put("note", s.note());
				return json;
			}).toList()));
			return 0;
		}
		if (suspect.isEmpty()) {
			context.out().println("samples: no suspect sample");
		}
		for (Sample s : suspect) {
			context.out().printf(Locale.ROOT, "%8d  field %d digit %d labelled %s by %s (%s): %s%n", s.id(),
					s.fieldId(), s.position() + 1, s.label() < 0 ? "not a digit" : Integer.toString(s.label()),
					s.clerk(), s.source(), s.note());
		}
		return 0;
	}

	private int export(CommandContext context, VerifiedSamples store, List<String> words) throws Exception {
		if (words.size() != 2) {
			throw new IllegalArgumentException("export takes one PREFIX");
		}
		Path prefix = context.resolve(words.get(1));
		List<LabelledDigit> accepted = store.samples(SampleState.ACCEPTED, Integer.MAX_VALUE).stream()
				.filter(s -> s.label() >= 0)
				.map(s -> new LabelledDigit(s.image(), s.label(), SampleOrigin.CLERK, "sample " + s.id())).toList();
		String name = prefix.getFileName().toString();
		if (prefix.getParent() != null) {
			Files.createDirectories(prefix.getParent());
		}
		try {
			idx.write(DigitDataset.of(name, accepted), prefix.resolveSibling(name + "-images-idx3-ubyte"),
					prefix.resolveSibling(name + "-labels-idx1-ubyte"));
		} catch (DatasetException e) {
			context.err().println("samples: " + e.getMessage());
			return 1;
		}
		context.out().printf(Locale.ROOT, "samples: %d accepted samples written to %s-images-idx3-ubyte and "
				+ "%s-labels-idx1-ubyte%n", accepted.size(), prefix, prefix);
		return 0;
	}

	private static int settle(CommandContext context, VerifiedSamples store, List<String> words, String who,
			String flag, boolean secondClerk) throws StoreException {
		if (words.size() != 2 || who.isBlank()) {
			throw new IllegalArgumentException(words.get(0) + " takes a sample's number and " + flag + " NAME");
		}
		long id;
		try {
			id = Long.parseLong(words.get(1));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("a sample's number, not " + words.get(1));
		}
		Sample settled = secondClerk ? store.confirmSample(id, who) : store.acceptSample(id, who);
		context.out().printf(Locale.ROOT, "samples: sample %d is %s: %s%n", settled.id(), settled.state().code(),
				settled.note());
		return 0;
	}
}
