package com.digitdesk.draft;

import java.util.Locale;
import java.util.regex.Pattern;

import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.TemplateBox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a draft in the template format of docs/templates.md, fields named field1..N in reading order. */
final class DraftJson {

	private static final Pattern SSN_LABEL = Pattern.compile("(?i)social\\s+security\\s+(number|no\\b)");
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private DraftJson() {
	}

	static String write(TemplateDraft draft) {
		ObjectNode root = JSON.createObjectNode();
		root.put("id", draft.id());
		root.put("title", draft.title());
		ObjectNode page = root.putObject("page");
		page.put("width", FieldProposer.round(draft.width()));
		page.put("height", FieldProposer.round(draft.height()));
		ArrayNode anchors = root.putArray("anchors");
		for (DraftAnchor anchor : draft.anchors()) {
			ObjectNode node = anchors.addObject();
			node.put("name", anchor.name());
			node.put("kind", anchor.kind().name().toLowerCase(Locale.ROOT));
			box(node, anchor.box());
		}
		ArrayNode fields = root.putArray("fields");
		for (int i = 0; i < draft.fields().size(); i++) {
			DraftField field = draft.fields().get(i);
			ObjectNode node = fields.addObject();
			node.put("name", "field" + (i + 1));
			String label = draft.labels().get(i);
			if (!label.isEmpty()) {
				node.put("label", label);
			}
			node.put("kind", kind(field, label).name().toLowerCase(Locale.ROOT));
			if (field.kind() == FieldKind.DIGITS) {
				node.put("cells", field.cells());
			}
			field.centsDivider().ifPresent(x -> node.put("centsDivider", x));
			box(node, field.box());
		}
		root.putArray("rules");
		try {
			return JSON.writeValueAsString(root) + System.lineSeparator();
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a tree of plain values is always written", e);
		}
	}

	/** A plain box labelled as a social security number is an SSN written in one box. */
	static FieldKind kind(DraftField field, String label) {
		return field.kind() == FieldKind.NUMBER && SSN_LABEL.matcher(label).find() ? FieldKind.SSN : field.kind();
	}

	private static void box(ObjectNode node, TemplateBox box) {
		ObjectNode json = node.putObject("box");
		json.put("x", box.x());
		json.put("y", box.y());
		json.put("width", box.width());
		json.put("height", box.height());
	}
}
