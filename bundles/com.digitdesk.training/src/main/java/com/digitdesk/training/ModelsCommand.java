package com.digitdesk.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ModelVersions;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
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

				The model versions kept with the store (every workstation sharing
				it shares them), newest first: version, state (current, candidate,
				retired), parent, the SHA-256 of the graph, why it stands where it
				stands. --json: an array of objects with version, state, parent,
				sha256, note, created_at, card and figures (the shadow evaluation).""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--db"), Set.of("--json")).withoutPositional();
		} catch (IllegalArgumentException e) {
			context.err().println("models: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		List<ModelVersion> versions;
		try {
			ModelVersions store = stores.store(options.get("--db", stores.defaultUrl()));
			versions = store.models();
		} catch (StoreException e) {
			context.err().println("models: " + e.getMessage());
			return 1;
		}
		ObjectMapper json = new ObjectMapper();
		if (options.has("--json")) {
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
			return 0;
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
		return 0;
	}
}
