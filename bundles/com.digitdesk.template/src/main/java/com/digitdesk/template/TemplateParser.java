package com.digitdesk.template;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.DocumentRule;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.api.template.ValidationRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one template file in the format of docs/templates.md (JSON Schema:
 * docs/template.schema.json). Every error names the file and the element at
 * fault, so that an admin can fix a template without reading code.
 */
final class TemplateParser {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Set<String> TOP_LEVEL = Set.of("$schema", "id", "title", "page", "anchors", "fields", "rules",
			"documentRules", "description");

	private TemplateParser() {
	}

	/**
	 * @param source names the file in error messages
	 */
	static FormTemplate parse(String source, InputStream json) throws TemplateFormatException {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		} catch (JsonProcessingException e) {
			throw new TemplateFormatException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
					+ ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
		} catch (IOException e) {
			throw new TemplateFormatException(source + ": cannot be read: " + e.getMessage(), e);
		}
		if (root == null || !root.isObject()) {
			throw new TemplateFormatException(source + ": a template is a JSON object");
		}
		for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!TOP_LEVEL.contains(name)) {
				throw new TemplateFormatException(source + ": unknown property \"" + name + "\"");
			}
		}
		String id = text(source, root, "id");
		if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
			throw new TemplateFormatException(
					source + ": id \"" + id + "\" may hold only lower-case letters, digits, '.', '_' and '-'");
		}
		String where = source + " (template " + id + ")";
		JsonNode page = object(where, root, "page");
		double width = positive(where + ", page", page, "width");
		double height = positive(where + ", page", page, "height");
		List<Anchor> anchors = new ArrayList<>();
		for (JsonNode node : array(where, root, "anchors")) {
			String name = text(where + ", anchor", node, "name");
			String context = where + ", anchor " + name;
			anchors.add(new Anchor(name, kind(context, node, Anchor.Kind.class), box(context, node, width, height)));
		}
		requireAnchorsFixingAMap(where, anchors);
		List<FieldSpec> fields = new ArrayList<>();
		for (JsonNode node : array(where, root, "fields")) {
			String name = text(where + ", field", node, "name");
			String context = where + ", field " + name;
			FieldKind kind = kind(context, node, FieldKind.class);
			int cells = node.path("cells").asInt(0);
			if ((kind == FieldKind.DIGITS || kind == FieldKind.DATE) && cells < 1) {
				throw new TemplateFormatException(context + ": a " + kind.name().toLowerCase(Locale.ROOT)
						+ " field needs \"cells\", its number of boxes");
			}
			if (kind == FieldKind.SSN && cells != 9 && cells != 0 || kind == FieldKind.DATE && cells != 8) {
				throw new TemplateFormatException(context + ": " + kind.name().toLowerCase(Locale.ROOT)
						+ " fields have " + (kind == FieldKind.SSN ? "9 cells or none" : "8 cells") + ", not " + cells);
			}
			if ((kind == FieldKind.AMOUNT || kind == FieldKind.NUMBER) && cells != 0) {
				throw new TemplateFormatException(context + ": " + kind.name().toLowerCase(Locale.ROOT)
						+ "s are written freely, without \"cells\"");
			}
			int maxDigits = node.path("maxDigits").asInt(kind == FieldKind.SSN && cells == 0 ? 9 : 0);
			if (node.has("maxDigits") && (kind != FieldKind.NUMBER || maxDigits < 1)) {
				throw new TemplateFormatException(context + ": only a number has \"maxDigits\", at least 1");
			}
			TemplateBox box = box(context, node, width, height);
			OptionalDouble centsDivider = OptionalDouble.empty();
			if (node.has("centsDivider")) {
				double x = node.path("centsDivider").asDouble(Double.NaN);
				if (kind != FieldKind.AMOUNT || !(x > box.x() && x < box.right())) {
					throw new TemplateFormatException(context + ": \"centsDivider\" is the x of an amount's printed "
							+ "cents divider, inside its box (" + box.x() + " to " + box.right() + ")");
				}
				centsDivider = OptionalDouble.of(x);
			}
			List<Integer> digitCounts = new ArrayList<>();
			if (node.has("digitCounts")) {
				JsonNode counts = node.get("digitCounts");
				for (JsonNode count : counts.isArray() ? counts : List.<JsonNode>of()) {
					digitCounts.add(count.canConvertToInt() && count.isIntegralNumber() ? count.asInt() : -1);
				}
				boolean ascending = true;
				for (int i = 0; i < digitCounts.size(); i++) {
					ascending &= digitCounts.get(i) >= 1 && (maxDigits == 0 || digitCounts.get(i) <= maxDigits)
							&& (i == 0 || digitCounts.get(i) > digitCounts.get(i - 1));
				}
				if (kind != FieldKind.NUMBER || digitCounts.isEmpty() || !ascending) {
					throw new TemplateFormatException(context + ": \"digitCounts\" lists the digit counts a number "
							+ "is written with (a ZIP code: [5, 9]), ascending, each from 1 to its \"maxDigits\"");
				}
			}
			fields.add(new FieldSpec(name, node.path("label").asText(name), kind, box, cells, maxDigits, centsDivider,
					digitCounts));
		}
		List<ValidationRule> rules = new ArrayList<>();
		JsonNode ruleNodes = root.path("rules");
		if (!ruleNodes.isMissingNode()) {
			for (JsonNode node : array(where, root, "rules")) {
				String name = text(where + ", rule", node, "name");
				String context = where + ", rule " + name;
				List<String> operands = new ArrayList<>();
				for (JsonNode operand : array(context, node, "operands")) {
					operands.add(operand.asText());
				}
				ValidationRule.Operation operation = kind(context, node, "operation", ValidationRule.Operation.class);
				double percent = operation == ValidationRule.Operation.PERCENT ? percent(context, node) : 0;
				if (operation != ValidationRule.Operation.PERCENT && node.has("percent")) {
					throw new TemplateFormatException(context + ": only a \"percent\" rule has a \"percent\"");
				}
				rules.add(new ValidationRule(name, text(context, node, "target"), operation, operands, percent));
			}
		}
		List<DocumentRule> documentRules = new ArrayList<>();
		if (!root.path("documentRules").isMissingNode()) {
			for (JsonNode node : array(where, root, "documentRules")) {
				String name = text(where + ", document rule", node, "name");
				String context = where + ", document rule " + name;
				documentRules.add(new DocumentRule(name, text(context, node, "target"),
						kind(context, node, "operation", DocumentRule.Operation.class), text(context, node, "template"),
						text(context, node, "field")));
			}
		}
		try {
			return new FormTemplate(id, text(where, root, "title"), width, height, anchors, fields, rules,
					documentRules);
		} catch (IllegalArgumentException e) {
			throw new TemplateFormatException(source + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Rules place a scan only across their length: a map is fixed by one
	 * horizontal and one vertical place and a second on either axis (a mark's
	 * centre counts on both). A template that can never register is refused
	 * here rather than on every page.
	 */
	private static void requireAnchorsFixingAMap(String where, List<Anchor> anchors) throws TemplateFormatException {
		if (anchors.stream().allMatch(anchor -> anchor.kind() == Anchor.Kind.SQUARE_MARK)) {
			return; // marks alone: three or more, checked with the template
		}
		Set<Long> horizontal = new HashSet<>();
		Set<Long> vertical = new HashSet<>();
		for (Anchor anchor : anchors) {
			if (anchor.kind() != Anchor.Kind.VERTICAL_LINE) {
				horizontal.add(Math.round(anchor.box().centerY() * 10));
			}
			if (anchor.kind() != Anchor.Kind.HORIZONTAL_LINE) {
				vertical.add(Math.round(anchor.box().centerX() * 10));
			}
		}
		if (horizontal.isEmpty() || vertical.isEmpty() || horizontal.size() + vertical.size() < 3) {
			throw new TemplateFormatException(String.format(
					"%s: anchors give %d horizontal and %d vertical places; registration needs one of each and a "
							+ "second on either axis",
					where, horizontal.size(), vertical.size()));
		}
	}

	private static String text(String where, JsonNode node, String property) throws TemplateFormatException {
		JsonNode value = node.get(property);
		if (value == null || !value.isTextual() || value.asText().isBlank()) {
			throw new TemplateFormatException(where + ": \"" + property + "\" must be a non-empty string");
		}
		return value.asText();
	}

	private static JsonNode object(String where, JsonNode node, String property) throws TemplateFormatException {
		JsonNode value = node.get(property);
		if (value == null || !value.isObject()) {
			throw new TemplateFormatException(where + ": \"" + property + "\" must be an object");
		}
		return value;
	}

	private static JsonNode array(String where, JsonNode node, String property) throws TemplateFormatException {
		JsonNode value = node.get(property);
		if (value == null || !value.isArray()) {
			throw new TemplateFormatException(where + ": \"" + property + "\" must be an array");
		}
		return value;
	}

	private static double number(String where, JsonNode node, String property) throws TemplateFormatException {
		JsonNode value = node.get(property);
		if (value == null || !value.isNumber()) {
			throw new TemplateFormatException(where + ": \"" + property + "\" must be a number (points)");
		}
		return value.asDouble();
	}

	private static double positive(String where, JsonNode node, String property) throws TemplateFormatException {
		double value = number(where, node, property);
		if (!(value > 0)) {
			throw new TemplateFormatException(where + ": \"" + property + "\" must be positive, is " + value);
		}
		return value;
	}

	private static double percent(String where, JsonNode node) throws TemplateFormatException {
		JsonNode value = node.get("percent");
		if (value == null || !value.isNumber() || !(value.asDouble() > 0)) {
			throw new TemplateFormatException(where + ": a percent rule needs \"percent\", a number above 0 (6.2 for 6.2%)");
		}
		return value.asDouble();
	}

	private static TemplateBox box(String where, JsonNode node, double pageWidth, double pageHeight)
			throws TemplateFormatException {
		JsonNode box = object(where, node, "box");
		TemplateBox result = new TemplateBox(number(where + ", box", box, "x"), number(where + ", box", box, "y"),
				positive(where + ", box", box, "width"), positive(where + ", box", box, "height"));
		if (result.x() < 0 || result.y() < 0 || result.right() > pageWidth || result.bottom() > pageHeight) {
			throw new TemplateFormatException(where + ": box " + result + " is not inside the page");
		}
		return result;
	}

	private static <E extends Enum<E>> E kind(String where, JsonNode node, Class<E> type)
			throws TemplateFormatException {
		return kind(where, node, "kind", type);
	}

	private static <E extends Enum<E>> E kind(String where, JsonNode node, String property, Class<E> type)
			throws TemplateFormatException {
		String value = text(where, node, property);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value)) {
				return constant;
			}
		}
		List<String> allowed = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			allowed.add(constant.name().toLowerCase(Locale.ROOT));
		}
		throw new TemplateFormatException(where + ": \"" + property + "\" is \"" + value + "\", expected one of "
				+ String.join(", ", allowed));
	}
}
