package com.digitdesk.draft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.text.PrintedTextReader;

/**
 * {@code digitdesk template-draft FORM.pdf [--out FILE]}: proposes a template
 * for page 1 of a blank (or filled) form, for an admin to name, check and drop
 * into the template directory.
 */
@Component(service = Subcommand.class, property = "digitdesk.command=template-draft")
public class TemplateDraftCommand implements Subcommand {

	/** Fine enough to place a box within a fraction of a point, small enough to draft a page in a second. */
	static final int DPI = 200;

	private final PageRenderer renderer;
	private final PrintedTextReader text;

	@Activate
	public TemplateDraftCommand(@Reference PageRenderer renderer,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
			PrintedTextReader text) {
		this.renderer = renderer;
		this.text = text;
	}

	@Override
	public String summary() {
		return "propose a template (boxes, kinds, labels, anchors) from a PDF of a form";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk template-draft FORM.pdf [--out FILE]

				Reads page 1 of a blank (or filled) scan or vector PDF of a form and
				proposes a template in the format of docs/templates.md: the page
				size, anchors (square marks when printed, else long printed rules),
				and every box where digits could be written, in reading order,
				named field1..N, with its kind guessed (digits with their cells,
				amount with its cents divider, number for a plain box) and the
				printed label read beside or above it (when Tesseract is there).
				Prints the JSON, or writes it to FILE. Edit the names, kinds and
				rules, then drop the file into the template directory.

				  --out FILE  write the draft to FILE instead of standard output""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--out"), Set.of());
		} catch (IllegalArgumentException e) {
			context.err().println("template-draft: " + e.getMessage());
			return 2;
		}
		if (options.positional().size() != 1) {
			context.err().println("template-draft: name one PDF file (usage: digitdesk template-draft FORM.pdf"
					+ " [--out FILE])");
			return 2;
		}
		Path pdf = context.resolve(options.positional().get(0));
		TemplateDraft draft;
		try (PdfDocument document = renderer.open(pdf)) {
			if (document.pageCount() > 1) {
				context.err().println("template-draft: " + pdf + " has " + document.pageCount()
						+ " pages: drafting page 1 only");
			}
			RenderedPage page = document.render(0, DPI);
			TemplateDrafter.LabelReader labels = text == null ? TemplateDrafter.LabelReader.NONE
					: area -> text.read(page, area);
			draft = TemplateDrafter.draft(page, id(pdf), "Draft of " + pdf.getFileName(), labels);
		} catch (DocumentException e) {
			context.err().println("template-draft: " + e.getMessage());
			return 1;
		}
		if (draft.fields().isEmpty()) {
			context.err().println("template-draft: " + pdf + ", page 1: no boxes found (no blank cells enclosed by"
					+ " printed rules)");
			return 1;
		}
		if (text == null) {
			context.err().println("template-draft: no printed-text reader (Tesseract) is installed: labels left out");
		}
		String json = DraftJson.write(draft);
		String out = options.get("--out", null);
		if (out == null) {
			context.out().print(json);
		} else {
			Path file = context.resolve(out);
			try {
				writeAtomically(file, json);
			} catch (IOException e) {
				context.err().println("template-draft: cannot write " + file + ": " + e);
				return 1;
			}
			context.err().printf("template-draft: %d boxes and %d anchors written to %s%n", draft.fields().size(),
					draft.anchors().size(), file);
		}
		if (draft.anchors().size() < 3) {
			context.err().println("template-draft: " + pdf + ", page 1: only " + draft.anchors().size()
					+ " anchors found (no square marks, too few long rules); a template needs 3: add them by hand");
			return 1;
		}
		return 0;
	}

	/** A template id from the file name: lower case, other characters than [a-z0-9._-] become '-'. */
	static String id(Path pdf) {
		String name = pdf.getFileName().toString().replaceFirst("(?i)\\.pdf$", "").toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
		return name.isEmpty() ? "draft" : name;
	}

	/** Writes beside the target, then renames, so a template directory never sees half a file. */
	private static void writeAtomically(Path file, String json) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".part");
		try {
			Files.writeString(temporary, json, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}
