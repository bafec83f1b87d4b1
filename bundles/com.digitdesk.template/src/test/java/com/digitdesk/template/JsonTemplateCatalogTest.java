package com.digitdesk.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.DocumentRule;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.ValidationRule;
import com.digitdesk.api.template.ValidationRule.Operation;

class JsonTemplateCatalogTest {

	@TempDir
	Path dir;

	@Test
	void shippedTemplatesAreThere() {
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(dir.resolve("none"));
		assertThat(catalog.templates()).extracting(FormTemplate::id).containsExactly("f1040-2024-p1", "f1040-p1", "w2",
				"w2-2024");
		FormTemplate real = catalog.template("f1040-2024-p1").orElseThrow();
		assertThat(real.fields()).extracting(FieldSpec::name).startsWith("ssn", "spouse_ssn", "zip", "line1a")
				.contains("line1z", "line2a", "line6b", "line15").doesNotHaveDuplicates();
		assertThat(real.field("ssn").orElseThrow().isFreeDigitString()).isTrue();
		assertThat(real.anchors()).extracting(Anchor::kind).doesNotContain(Anchor.Kind.SQUARE_MARK);
		assertThat(real.rules()).extracting(ValidationRule::target).containsExactly("line1z", "line9", "line11",
				"line14", "line15");
		assertThat(catalog.template("w2-2024").orElseThrow().fields()).extracting(FieldSpec::name)
				.containsExactly("ssn", "ein", "box1", "box2", "box3", "box4", "box5", "box6");
		FormTemplate f1040 = catalog.template("f1040-p1").orElseThrow();
		assertThat(f1040.field("ssn").orElseThrow().kind()).isEqualTo(FieldKind.SSN);
		assertThat(f1040.field("ssn").orElseThrow().cells()).isEqualTo(9);
		assertThat(f1040.rules()).singleElement().satisfies(rule -> {
			assertThat(rule.operation()).isEqualTo(Operation.SUM);
			assertThat(rule.target()).isEqualTo("line9");
			assertThat(rule.operands()).hasSize(8);
		});
		assertThat(f1040.documentRules()).extracting(DocumentRule::target, DocumentRule::operation,
				DocumentRule::template, DocumentRule::field).containsExactly(
						tuple("ssn", DocumentRule.Operation.SAME, "w2", "employee_ssn"),
						tuple("line1", DocumentRule.Operation.SUM, "w2", "box1"));
		assertThat(catalog.template("w2").orElseThrow().rules()).extracting(ValidationRule::operation,
				ValidationRule::target, ValidationRule::percent).containsExactly(tuple(Operation.PERCENT, "box4", 6.2),
						tuple(Operation.PERCENT, "box6", 1.45));
		assertThat(catalog.loadProblems()).isEmpty();
	}

	@Test
	void templateDroppedIntoTheDirectoryIsPickedUpAndBrokenOnesAreNamed() throws Exception {
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(dir);
		assertThat(catalog.templates()).hasSize(4);
		String w2 = new String(JsonTemplateCatalog.class.getResourceAsStream("/templates/w2.json").readAllBytes());
		Files.writeString(dir.resolve("w3.json"), w2.replace("\"id\": \"w2\"", "\"id\": \"w3\""));
		Files.writeString(dir.resolve("broken.json"), "{ \"id\": \"x\", ");
		Files.writeString(dir.resolve("badkind.json"), w2.replace("\"id\": \"w2\"", "\"id\": \"w4\"")
				.replace("\"kind\": \"ssn\"", "\"kind\": \"phone\""));
		assertThat(catalog.templates()).extracting(FormTemplate::id).containsExactly("f1040-2024-p1", "f1040-p1", "w2",
				"w2-2024", "w3");
		assertThat(catalog.loadProblems()).hasSize(2);
		assertThat(catalog.loadProblems()).anySatisfy(p -> assertThat(p).contains("broken.json", "not valid JSON"));
		assertThat(catalog.loadProblems()).anySatisfy(p -> assertThat(p).contains("badkind.json",
				"field employee_ssn", "\"phone\"", "expected one of digits, amount, ssn, date, number"));

		Files.delete(dir.resolve("broken.json"));
		Files.setLastModifiedTime(dir.resolve("w3.json"), FileTime.fromMillis(0));
		assertThat(catalog.loadProblems()).hasSize(1);
	}

	@Test
	void mistakesAreExplained() throws Exception {
		String w2 = new String(JsonTemplateCatalog.class.getResourceAsStream("/templates/w2.json").readAllBytes());
		Files.writeString(dir.resolve("a.json"), w2.replace("\"id\": \"w2\"", "\"id\": \"a\"")
				.replace("\"x\": 330, \"y\": 320, \"width\": 190", "\"x\": 530, \"y\": 320, \"width\": 190"));
		Files.writeString(dir.resolve("b.json"), w2.replace("\"id\": \"w2\"", "\"id\": \"b\"")
				.replace("\"cells\": 9,\n      \"box\": { \"x\": 64, \"y\": 120", "\"cells\": 8,\n      \"box\": { \"x\": 64, \"y\": 120"));
		Files.writeString(dir.resolve("c.json"), w2.replace("\"id\": \"w2\"", "\"id\": \"c\"")
				.replace("\"target\": \"box4\"", "\"target\": \"box9\""));
		Files.writeString(dir.resolve("d.json"), w2.replace("\"id\": \"w2\"", "\"id\": \"d\"")
				.replace("\"percent\": 1.45,", ""));
		String w2024 = new String(
				JsonTemplateCatalog.class.getResourceAsStream("/templates/w2-2024.json").readAllBytes());
		Files.writeString(dir.resolve("e.json"), w2024.replace("\"id\": \"w2-2024\"", "\"id\": \"e\"")
				.replace("vertical_line", "horizontal_line"));
		Files.writeString(dir.resolve("f.json"), w2024.replace("\"id\": \"w2-2024\"", "\"id\": \"f\"")
				.replace("\"digitCounts\": [9]", "\"digitCounts\": [9, 10]"));
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(dir);
		assertThat(catalog.loadProblems()).hasSize(6);
		assertThat(catalog.loadProblems().get(0)).contains("a.json", "field box1", "not inside the page");
		assertThat(catalog.loadProblems().get(1)).contains("b.json", "employee_ssn", "9 cells or none, not 8");
		assertThat(catalog.loadProblems().get(2)).contains("c.json", "rule box 4 = 6.2% of box 3 names unknown field box9");
		assertThat(catalog.loadProblems().get(3)).contains("d.json", "rule box 6 = 1.45% of box 5",
				"a percent rule needs \"percent\"");
		assertThat(catalog.loadProblems().get(4)).contains("e.json", "horizontal and 0 vertical places",
				"registration needs one of each");
		assertThat(catalog.loadProblems().get(5)).contains("f.json", "field ein", "\"digitCounts\"",
				"each from 1 to its \"maxDigits\"");
	}
}
