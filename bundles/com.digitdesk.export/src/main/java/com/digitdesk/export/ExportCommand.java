package com.digitdesk.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.store.ResultReadout;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * {@code digitdesk export --format csv|json [--out FILE] [--db URL]}: every
 * field of every completely imported document, streamed (the store may be
 * large). A file is written whole or not at all.
 */
@Component(service = Subcommand.class, property = "digitdesk.command=export")
public class ExportCommand implements Subcommand {

	private final ResultStores stores;

	@Activate
	public ExportCommand(@Reference ResultStores stores) {
		this.stores = stores;
	}

	@Override
	public String summary() {
		return "export every stored field (value, status, confidence, who verified it) as CSV or JSON";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk export --format csv|json [--out FILE] [--db JDBC-URL]

				One row (CSV) or object (JSON array) per field of every completely
				imported document, in document, page and field order: source_file,
				page (1-based), template, field, value (digits; amounts "1234.56";
				dates MMDDYYYY; "" when empty), status (auto_accepted, needs_review,
				verified, rejected), confidence, verified_by, verified_at, proposal,
				reasons. Without --out the export goes to standard output.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		String format;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--format", "--out", "--db"), Set.of())
					.withoutPositional();
			format = options.get("--format", null);
			if (!"csv".equals(format) && !"json".equals(format)) {
				throw new IllegalArgumentException("--format csv or --format json is required");
			}
		} catch (IllegalArgumentException e) {
			context.err().println("export: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		ResultReadout store;
		try {
			store = stores.store(options.get("--db", stores.defaultUrl()));
		} catch (StoreException e) {
			context.err().println("export: " + e.getMessage());
			return 1;
		}
		String out = options.get("--out", null);
		try {
			if (out == null) {
				write(store, format, context.out());
				context.out().flush();
				return 0;
			}
			Path target = context.resolve(out);
			long rows = writeAtomically(store, format, target);
			context.err().printf("export: %d fields written to %s%n", rows, target);
			return 0;
		} catch (StoreException | IOException e) {
			context.err().println("export: " + e.getMessage());
			return 1;
		}
	}

	/** Writes beside the target and moves it into place, so a failed export never leaves half a file. */
	private static long writeAtomically(ResultReadout store, String format, Path target)
			throws IOException, StoreException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path partial = Files.createTempFile(directory, "." + target.getFileName(), ".partial");
		try {
			long rows;
			try (OutputStream file = Files.newOutputStream(partial)) {
				rows = write(store, format, file);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return rows;
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	static long write(ResultReadout store, String format, OutputStream out) throws IOException, StoreException {
		SequenceWriter writer;
		if ("csv".equals(format)) {
			CsvMapper csv = new CsvMapper();
			CsvSchema schema = csv.schemaFor(ExportRow.class).withHeader();
			writer = csv.writer(schema).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out);
		} else {
			writer = new ObjectMapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
					.writeValuesAsArray(out);
		}
		long[] rows = { 0 };
		try (SequenceWriter sequence = writer) {
			store.forEachField(field -> {
				try {
					sequence.write(ExportRow.of(field));
					rows[0]++;
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
		return rows[0];
	}
}
