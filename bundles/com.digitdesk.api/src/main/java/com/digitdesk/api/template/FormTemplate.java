package com.digitdesk.api.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of one page of a known form.
 *
 * @param id stable identifier, e.g. {@code f1040-p1}
 * @param title the printed title used to identify the form
 * @param widthPoints page width in PDF points
 * @param heightPoints page height in PDF points
 * @param anchors marks to register a scan on, at least three
 * @param fields the numeric fields, in reading order
 * @param rules validation rules over the fields
 * @param documentRules rules that tie fields of this page to the other pages of its document
 */
public record FormTemplate(String id, String title, double widthPoints, double heightPoints, List<Anchor> anchors,
		List<FieldSpec> fields, List<ValidationRule> rules, List<DocumentRule> documentRules) {

	public FormTemplate {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(title, "title");
		anchors = List.copyOf(anchors);
		fields = List.copyOf(fields);
		rules = List.copyOf(rules);
		documentRules = List.copyOf(documentRules);
		if (!(widthPoints > 0) || !(heightPoints > 0)) {
			throw new IllegalArgumentException("template " + id + ": page size must be positive");
		}
		if (anchors.size() < 3) {
			throw new IllegalArgumentException("template " + id + ": registration needs at least 3 anchors, has "
					+ anchors.size());
		}
		Set<String> names = new HashSet<>();
		for (FieldSpec field : fields) {
			if (!names.add(field.name())) {
				throw new IllegalArgumentException("template " + id + ": field " + field.name() + " is defined twice");
			}
		}
		for (ValidationRule rule : rules) {
			for (String used : concat(rule.target(), rule.operands())) {
				if (!names.contains(used)) {
					throw new IllegalArgumentException(
							"template " + id + ": rule " + rule.name() + " names unknown field " + used);
				}
			}
		}
		for (DocumentRule rule : documentRules) {
			if (!names.contains(rule.target())) {
				throw new IllegalArgumentException(
						"template " + id + ": document rule " + rule.name() + " names unknown field " + rule.target());
			}
		}
	}

	/** A template whose fields answer to no other page. */
	public FormTemplate(String id, String title, double widthPoints, double heightPoints, List<Anchor> anchors,
			List<FieldSpec> fields, List<ValidationRule> rules) {
		this(id, title, widthPoints, heightPoints, anchors, fields, rules, List.of());
	}

	public Optional<FieldSpec> field(String name) {
		return fields.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>(rest.size() + 1);
		all.add(first);
		all.addAll(rest);
		return all;
	}
}
