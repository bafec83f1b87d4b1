package com.digitdesk.api.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

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
	void rulesComputeWhatTheTargetShouldBe() {
		Map<String, Long> cents = Map.of("a", 1_234_567L, "b", 34_567L);
		assertThat(new ValidationRule("sum", "t", ValidationRule.Operation.SUM, List.of("a", "b")).expectedCents(cents))
				.isEqualTo(1_269_134L);
		assertThat(new ValidationRule("d", "t", ValidationRule.Operation.DIFFERENCE, List.of("b", "a"))
				.expectedCents(cents)).isZero();
		// 6.2% of 12,345.67 is 765.43154; 1.45% of 345.67 is 5.012215; 6.2% of 0.25 is 0.0155, half up 0.02
		assertThat(new ValidationRule("ss", "t", ValidationRule.Operation.PERCENT, List.of("a"), 6.2).expectedCents(cents))
				.isEqualTo(76_543L);
		assertThat(new ValidationRule("med", "t", ValidationRule.Operation.PERCENT, List.of("b"), 1.45)
				.expectedCents(cents)).isEqualTo(501L);
		assertThat(new ValidationRule("ss", "t", ValidationRule.Operation.PERCENT, List.of("a"), 6.2)
				.expectedCents(Map.of("a", 25L))).isEqualTo(2L);
		assertThatThrownBy(() -> new ValidationRule("p", "t", ValidationRule.Operation.PERCENT, List.of("a", "b"), 6.2))
				.hasMessageContaining("exactly one operand");
		assertThatThrownBy(() -> new ValidationRule("p", "t", ValidationRule.Operation.SUM, List.of("a"), 6.2))
				.hasMessageContaining("only a percent rule");
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
	void cellFieldsNeedTheirCellCountAndFreeHandFieldsHaveNone() {
		assertThatThrownBy(() -> new FieldSpec("zip", "ZIP", FieldKind.DIGITS, new TemplateBox(0, 0, 90, 20), 0))
				.hasMessageContaining("needs its cell count");
		assertThat(new FieldSpec("ssn", "SSN", FieldKind.SSN, new TemplateBox(0, 0, 90, 20), 9).isCellField())
				.isTrue();
		assertThatThrownBy(() -> new FieldSpec("n", "N", FieldKind.NUMBER, new TemplateBox(0, 0, 90, 20), 4))
				.hasMessageContaining("written without cells");
	}

	@Test
	void anSsnInOneBoxIsAFreeHandStringOfNineDigits() {
		FieldSpec ssn = new FieldSpec("ssn", "SSN", FieldKind.SSN, new TemplateBox(0, 0, 107, 14), 0);
		assertThat(ssn.isCellField()).isFalse();
		assertThat(ssn.isFreeDigitString()).isTrue();
		assertThat(ssn.maxDigits()).isEqualTo(9);
	}

	@Test
	void onlyAnAmountStatesACentsDividerAndOnlyInsideItsBox() {
		TemplateBox box = new TemplateBox(400, 100, 150, 20);
		assertThat(new FieldSpec("a", "A", FieldKind.AMOUNT, box, 0, 0, OptionalDouble.of(520)).centsDivider())
				.hasValue(520);
		assertThat(amount("a").centsDivider()).isEmpty();
		assertThatThrownBy(() -> new FieldSpec("a", "A", FieldKind.AMOUNT, box, 0, 0, OptionalDouble.of(560)))
				.hasMessageContaining("inside its box");
		assertThatThrownBy(() -> new FieldSpec("n", "N", FieldKind.NUMBER, box, 0, 0, OptionalDouble.of(520)))
				.hasMessageContaining("only an amount");
		assertThatThrownBy(amount("a")::cellBoxes).hasMessageContaining("field a has no cells");
	}

	@Test
	void aCellFieldIsSplitIntoEqualCells() {
		FieldSpec zip = new FieldSpec("zip", "ZIP", FieldKind.DIGITS, new TemplateBox(100, 50, 60, 18), 5);
		assertThat(zip.cellBoxes()).containsExactly(new TemplateBox(100, 50, 12, 18), new TemplateBox(112, 50, 12, 18),
				new TemplateBox(124, 50, 12, 18), new TemplateBox(136, 50, 12, 18), new TemplateBox(148, 50, 12, 18));
	}
}
