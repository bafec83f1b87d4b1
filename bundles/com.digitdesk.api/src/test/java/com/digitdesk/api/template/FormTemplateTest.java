package com.digitdesk.api.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class FormTemplateTest {

	private static final List<Anchor> CORNERS = List.of(
			new Anchor("tl", Anchor.Kind.SQUARE_MARK, new TemplateBox(20, 20, 10, 10)),
			new Anchor("tr", Anchor.Kind.SQUARE_MARK, new TemplateBox(582, 20, 10, 10)),
			new Anchor("bl", Anchor.Kind.SQUARE_MARK, new TemplateBox(20, 762, 10, 10)));

	private static FieldSpec amount(String name) {
		return new FieldSpec(name, "Line " + name, FieldKind.AMOUNT, new TemplateBox(400, 100, 150, 20), 0);
	}

	@Test
	void findsFieldsByName() {
		FormTemplate template = new FormTemplate("t", "Title", 612, 792, CORNERS,
				List.of(amount("a"), amount("b"), amount("total")),
				List.of(new ValidationRule("sum", "total", ValidationRule.Operation.SUM, List.of("a", "b"))));
		assertThat(template.field("b")).isPresent();
		assertThat(template.field("c")).isEmpty();
	}

	@Test
	void refusesRulesOverUnknownFields() {
		assertThatThrownBy(() -> new FormTemplate("t", "Title", 612, 792, CORNERS, List.of(amount("a")),
				List.of(new ValidationRule("sum", "total", ValidationRule.Operation.SUM, List.of("a")))))
				.hasMessageContaining("rule sum names unknown field total");
	}

	@Test
	void refusesDuplicateFieldsAndTooFewAnchors() {
		assertThatThrownBy(() -> new FormTemplate("t", "T", 612, 792, CORNERS, List.of(amount("a"), amount("a")),
				List.of())).hasMessageContaining("field a is defined twice");
		assertThatThrownBy(() -> new FormTemplate("t", "T", 612, 792, CORNERS.subList(0, 2), List.of(), List.of()))
				.hasMessageContaining("at least 3 anchors");
	}

	@Test
	void cellFieldsNeedTheirCellCount() {
		assertThatThrownBy(() -> new FieldSpec("ssn", "SSN", FieldKind.SSN, new TemplateBox(0, 0, 90, 20), 0))
				.hasMessageContaining("needs its cell count");
		assertThat(new FieldSpec("ssn", "SSN", FieldKind.SSN, new TemplateBox(0, 0, 90, 20), 9).isCellField())
				.isTrue();
	}
}
