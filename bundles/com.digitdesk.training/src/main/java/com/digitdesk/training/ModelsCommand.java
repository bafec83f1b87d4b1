package com.digitdesk.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ModelVersions;
import com.digitdesk.api.store.NewModel;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.recognizer.model.ModelFiles;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code digitdesk models}: the recognizer's model versions kept with a store. */
@Component(service = Subcommand.class, property = Subcommand.NAME + "=models")
public class ModelsCommand implements Subcommand {

	private final ResultStores stores;

	@Activate
	public ModelsCommand(@Reference ResultStores stores) {
		this.stores = stores;
	}

	@Override
	public String summary() {
		return "list the recognizer's model versions kept with the store";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk models [--db JDBC-URL] [--json]
				       digitdesk models promote VERSION [--db JDBC-URL] [--by NAME]
				       digitdesk models rollback [--db JDBC-URL] [--by NAME]
				       digitdesk models add MODEL [--parent VERSION] [--db JDBC-URL]

				The model versions kept with the store (every workstation sharing
				it shares them), newest first: version, state (current, candidate,
				retired), parent, the SHA-256 of the graph, why it stands where it
				stands. --json: an array of objects with version, state, parent,
				sha256, note, created_at, card and figures (the shadow evaluation).
				promote: makes a candidate current, only if its shadow evaluation
				says it is at least as good on MNIST's test digits (error up by at
				most 0.05 points) and better on held-out verified digits; otherwise
				it stays a candidate, the reason is noted on it and printed, and the
				exit status is 1 (a store with no current version takes its first
				as it is: there is nothing to compare it with). rollback: back to
				the version current before.
				add: keeps a model made by 'digitdesk train' (MODEL.sd and
				MODEL.json, checked against each other) as a candidate.
				The commands that read (import, eval, verify) read with the current
				version of the store they are given; runtimes that watch the store
				(configuration com.digitdesk.models, followStore=true) switch to a
				new current version within pollSeconds, without a restart.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--db", "--by", "--parent"), Set.of("--json"));
		} catch (IllegalArgumentException e) {
			context.err().println("models: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		List<String> words = options.positional();
		String by = options.get("--by", System.getProperty("user.name", "admin"));
		List<ModelVersion> versions;
		try {
			ModelVersions store = stores.store(options.get("--db", stores.defaultUrl()));
			if (!words.isEmpty() && words.get(0).equals("promote") && words.size() == 2) {
				return promote(context, store, words.get(1), by);
			}
			if (!words.isEmpty() && words.get(0).equals("add") && words.size() == 2) {
				return add(context, store, context.resolve(words.get(1)), options.get("--parent", null));
			}
			if (words.equals(List.of("rollback"))) {
				ModelVersion back = store.rollback(by);
				context.out().println("models: " + back.version() + " is current again");
				return 0;
			}
			if (!words.isEmpty()) {
				context.err().println("models: no such action: " + String.join(" ", words) + "\n" + usage());
				return 2;
			}
			versions = store.models();
		} catch (StoreException e) {
			context.err().println("models: " + e.getMessage());
			return 1;
		}
		print(context, versions, options.has("--json"));
		return 0;
	}

	/** Keeps a trained model as a candidate, once its graph and card check out against each other. */
	private static int add(CommandContext context, ModelVersions store, Path model, String parent)
			throws StoreException, IOException {
		try {
			// graph and card must agree (a runtime that follows the store checks them again before it reads)
			ModelFiles.load(model);
		} catch (RecognitionException e) {
			context.err().println("models: " + e.getMessage());
			return 1;
		}
		ModelVersion added = store.addModel(new NewModel(Optional.ofNullable(parent),
				Files.readAllBytes(ModelFiles.graphFile(model)), Files.readString(ModelFiles.cardFile(model)), "{}",
				"added from " + model));
		context.out().println("models: " + added.version() + " kept as a candidate (SHA-256 " + added.sha256() + ")");
		return 0;
	}

	/** Promotes a version if its shadow evaluation passes the guard; notes the reason when it does not. */
	private static int promote(CommandContext context, ModelVersions store, String version, String by)
			throws StoreException {
		ModelVersion candidate = store.models().stream().filter(v -> v.version().equals(version)).findFirst()
				.orElseThrow(() -> new StoreException("there is no model version " + version + " in this store"));
		// the store's first current version has nothing to be compared with
		Optional<String> refusal = store.currentModel().isEmpty() ? Optional.empty()
				: PromotionGuard.refusal(candidate.figures());
		if (refusal.isPresent()) {
			store.noteModel(version, "not promoted: " + refusal.get());
			context.err().println("models: " + version + " not promoted: " + refusal.get());
			return 1;
		}
		store.promote(version, by);
		context.out().println("models: " + version + " is current");
		return 0;
	}

	private static void print(CommandContext context, List<ModelVersion> versions, boolean asJson) throws Exception {
		ObjectMapper json = new ObjectMapper();
		if (asJson) {
			List<Map<String, Object>> out = new java.util.ArrayList<>();
			for (ModelVersion version : versions) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("version", version.version());
				row.put("state", version.state().code());
				row.put("parent", version.parent().orElse(null));
				row.put("sha256", version.sha256());
				row.put("note", version.note());
				row.put("created_at", version.createdAt().toString());
				row.put("card", json.readTree(version.card()));
				row.put("figures", json.readTree(version.figures()));
				out.add(row);
			}
			context.out().println(json.writeValueAsString(out));
			return;
		}
		if (versions.isEmpty()) {
			context.out().println("models: no model version is kept with this store; the recognizer reads with "
					+ "its configured model");
		}
		for (ModelVersion version : versions) {
			context.out().printf(Locale.ROOT, "%-6s %-9s parent %-6s %s  %s%s%n", version.version(),
					version.state().code(), version.parent().orElse("-"), version.sha256().substring(0, 12),
					version.createdAt(), version.note().isEmpty() ? "" : "  " + version.note());
		}
	}
}
