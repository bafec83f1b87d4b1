package com.digitdesk.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.DocumentRule;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.api.template.ValidationRule;

/** Writes a template in the JSON format of docs/templates.md, for the template directory. */
final class TemplateJson {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private TemplateJson() {
	}

	static String json(FormTemplate template) {
		ObjectNode root = JSON.createObjectNode();
		root.put("id", template.id());
		root.put("title", template.title());
		ObjectNode page = root.putObject("page");
		page.put("width", template.widthPoints());
		page.put("height", template.heightPoints());
		ArrayNode anchors = root.putArray("anchors");
		for (Anchor anchor : template.anchors()) {
			ObjectNode node = anchors.addObject();
			node.put("name", anchor.name());
			node.put("kind", anchor.kind().name().toLowerCase(Locale.ROOT));
			box(node, anchor.box());
		}
		ArrayNode fields = root.putArray("fields");
		for (FieldSpec field : template.fields()) {
			ObjectNode node = fields.addObject();
			node.put("name", field.name());
			node.put("label", field.label());
			node.put("kind", field.kind().name().toLowerCase(Locale.ROOT));
			if (field.cells() > 0) {
				node.put("cells", field.cells());
			}
			if (field.kind() == FieldKind.NUMBER && field.maxDigits() > 0) {
				node.put("maxDigits", field.maxDigits());
			}
			if (!field.digitCounts().isEmpty()) {
				field.digitCounts().forEach(node.putArray("digitCounts")::add);
			}
			field.centsDivider().ifPresent(x -> node.put("centsDivider", x));
			box(node, field.box());
		}
		ArrayNode rules = root.putArray("rules");
		for (ValidationRule rule : template.rules()) {
			ObjectNode node = rules.addObject();
			node.put("name", rule.name());
			node.put("target", rule.target());
			node.put("operation", rule.operation().name().toLowerCase(Locale.ROOT));
			if (rule.operation() == ValidationRule.Operation.PERCENT) {
				node.put("percent", rule.percent());
			}
			rule.operands().forEach(node.putArray("operands")::add);
		}
		if (!template.documentRules().isEmpty()) {
			ArrayNode documentRules = root.putArray("documentRules");
			for (DocumentRule rule : template.documentRules()) {
				ObjectNode node = documentRules.addObject();
				node.put("name", rule.name());
				node.put("target", rule.target());
				node.put("operation", rule.operation().name().toLowerCase(Locale.ROOT));
				node.put("template", rule.template());
				node.put("field", rule.field());
			}
		}
		try {
			return JSON.writeValueAsString(root) + "\n";
		} catch (IOException e) {
			throw new IllegalStateException("template " + template.id() + " cannot be written as JSON", e);
		}
	}

	/** Writes {@code template} as {@code directory/<id>.json}. */
	static Path write(Path directory, FormTemplate template) throws IOException {
		PrivateFiles.createDirectories(directory);
		Path file = PrivateFiles.emptyFile(directory.resolve(template.id() + ".json"));
		Files.writeString(file, json(template));
		return file;
	}

	private static void box(ObjectNode node, TemplateBox box) {
		ObjectNode out = node.putObject("box");
		out.put("x", box.x());
		out.put("y", box.y());
		out.put("width", box.width());
		out.put("height", box.height());
	}
}
