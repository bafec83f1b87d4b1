package com.digitdesk.export;

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
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code digitdesk review-queue}: the fields waiting for a clerk, in document order (the order the verification window takes them). */
@Component(service = Subcommand.class, property = "digitdesk.command=review-queue")
public class ReviewQueueCommand implements Subcommand {

	static final int DEFAULT_LIMIT = 1000;

	private final ResultStores stores;

	@Activate
	public ReviewQueueCommand(@Reference ResultStores stores) {
		this.stores = stores;
	}

	@Override
	public String summary() {
		return "list the fields waiting for a clerk, in document order (the order the verification window takes them)";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk review-queue [--db JDBC-URL] [--json] [--limit N]

				The fields that need a clerk, in document order, with why each
				was queued and, where a sum rule failed, the value proposed from the
				recognizer's next choices. --limit: at most N fields (default %d).
				--json: one JSON array of objects with id, source_file, page,
				template, field, value, confidence, reasons, proposal.""".formatted(DEFAULT_LIMIT);
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		int limit;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--db", "--limit"), Set.of("--json"))
					.withoutPositional();
			limit = options.getInt("--limit", DEFAULT_LIMIT);
			if (limit < 1) {
				throw new IllegalArgumentException("--limit needs at least 1");
			}
		} catch (IllegalArgumentException e) {
			context.err().println("review-queue: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		List<StoredField> queue;
		try {
			FieldReview store = stores.store(options.get("--db", stores.defaultUrl()));
			queue = store.reviewQueue(limit);
		} catch (StoreException e) {
			context.err().println("review-queue: " + e.getMessage());
			return 1;
		}
		if (options.has("--json")) {
			context.out().println(new ObjectMapper().writeValueAsString(queue.stream().map(ReviewQueueCommand::json).toList()));
			return 0;
		}
		if (queue.isEmpty()) {
			context.out().println("review-queue: no field waits for review");
			return 0;
		}
		for (StoredField field : queue) {
			context.out().printf(Locale.ROOT, "%8d  %.4f  %s p%d %s %s = \"%s\"%s%n", field.id(), field.confidence(),
					field.sourceFile(), field.page(), field.templateId(), field.name(), field.value(),
					field.proposal().map(p -> " (proposed \"" + p + "\")").orElse(""));
			field.reasons().forEach(reason -> context.out().println("          " + ExportRow.describe(reason)));
		}
		return 0;
	}

	private static Map<String, Object> json(StoredField field) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", field.id());
		json.put("source_file", field.sourceFile());
		json.put("page", field.page());
		json.put("template", field.templateId());
		json.put("field", field.name());
		json.put("value", field.value());
		json.put("confidence", field.confidence());
		json.put("reasons", field.reasons().stream().map(reason -> Map.of("kind",
				reason.kind().name().toLowerCase(Locale.ROOT), "position", reason.position(), "detail", reason.detail()))
				.toList());
		json.put("proposal", field.proposal().orElse(null));
		return json;
	}
}
