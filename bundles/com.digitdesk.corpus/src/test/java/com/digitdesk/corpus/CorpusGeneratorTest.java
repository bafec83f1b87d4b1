package com.digitdesk.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.template.JsonTemplateCatalog;

class CorpusGeneratorTest {

	static List<FormTemplate> templates;
	static DigitPicker picker;

	@TempDir
	Path dir;

	@BeforeAll
	static void load() throws Exception {
		// the first designs, the default; RealLayoutsAndDesignsTest covers the others
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(Path.of("no-such-dir"));
		templates = CorpusCommand.FIRST_DESIGNS.stream().map(id -> catalog.template(id).orElseThrow()).toList();
		picker = new DigitPicker(MnistCache.atDefaultLocation().test());
	}

	@Test
	void writesPdfsWithGroundTruthOfTheContractShape() throws Exception {
		List<Path> files = new CorpusGenerator(templates, picker, 2).generate(dir, 6, 42, null);
		int pages = 0;
		for (Path pdf : files) {
			assertThat(pdf).exists().isRegularFile();
			assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
			GroundTruth truth = GroundTruth.read(GroundTruth.fileFor(pdf));
			for (GroundTruth.Page page : truth.pages()) {
				FormTemplate template = templates.stream().filter(t -> t.id().equals(page.template())).findFirst()
						.orElseThrow();
				assertThat(page.fields().keySet())
						.containsExactlyElementsOf(template.fields().stream().map(FieldSpec::name).toList());
				for (FieldSpec field : template.fields()) {
					String value = page.fields().get(field.name());
					if (!value.isEmpty()) {
						assertThat(value).matches(field.kind() == FieldKind.AMOUNT ? "\\d+\\.\\d\\d"
								: "\\d{" + field.cells() + "}");
					}
				}
				pages++;
			}
		}
		assertThat(pages).isEqualTo(6);
		try (Stream<Path> all = Files.list(dir)) {
			assertThat(all.filter(p -> p.toString().endsWith(".part"))).isEmpty();
		}
	}

	@Test
	void aCorpusIsReadableByItsOwnerOnly() throws Exception {
		assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "the file system has POSIX permissions");
		Path out = dir.resolve("data/sample-archive");
		List<Path> files = new CorpusGenerator(templates, picker, 2).generate(out, 3, 5, null);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.getParent()))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
		try (Stream<Path> all = Files.list(out)) {
			List<Path> written = all.toList();
			assertThat(written).hasSize(2 * files.size());
			for (Path file : written) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("%s", file)
						.isEqualTo("rw-------");
			}
		}
	}

	@Test
	void aFileLeftByAKilledRunIsWrittenOverPrivately() throws Exception {
		assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "the file system has POSIX permissions");
		Path leftOver = dir.resolve("form-00001.json.part");
		Files.writeString(leftOver, "half a ground truth, longer than what replaces it");
		Files.setPosixFilePermissions(leftOver, PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(PrivateFiles.emptyFile(leftOver)).isEmptyFile();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(leftOver))).isEqualTo("rw-------");
	}

	@Test
	void sameSeedSameCorpusWhateverTheThreads() throws Exception {
		Path one = Files.createDirectory(dir.resolve("one"));
		Path two = Files.createDirectory(dir.resolve("two"));
		List<Path> first = new CorpusGenerator(templates, picker, 1).generate(one, 3, 7, null);
		List<Path> second = new CorpusGenerator(templates, picker, 2).generate(two, 3, 7, null);
		assertThat(first).hasSameSizeAs(second);
		for (int i = 0; i < first.size(); i++) {
			assertThat(Files.readString(GroundTruth.fileFor(first.get(i))))
					.isEqualTo(Files.readString(GroundTruth.fileFor(second.get(i))));
			assertThat(Files.readAllBytes(first.get(i))).isEqualTo(Files.readAllBytes(second.get(i)));
		}
	}

	@Test
	void totalsFollowTheTemplateRule() throws Exception {
		FormTemplate f1040 = templates.stream().filter(t -> t.id().equals("f1040-p1")).findFirst().orElseThrow();
		for (int seed = 0; seed < 20; seed++) {
			var values = ValueGenerator.values(f1040, new Random(seed));
			long sum = 0;
			for (int line = 1; line <= 8; line++) {
				sum += Amounts.cents(values.get("line" + line));
			}
			assertThat(Amounts.cents(values.get("line9"))).isEqualTo(sum);
		}
	}

	@Test
	void aReturnsW2sCarryItsSsnAndAddUpToItsLine1AndTheirTaxesFollowTheRates() throws Exception {
		FormTemplate f1040 = templates.stream().filter(t -> t.id().equals("f1040-p1")).findFirst().orElseThrow();
		FormTemplate w2 = templates.stream().filter(t -> t.id().equals("w2")).findFirst().orElseThrow();
		for (int seed = 0; seed < 20; seed++) {
			Random random = new Random(seed);
			List<FormTemplate> document = List.of(f1040, w2, w2);
			List<Map<String, String>> pages = new java.util.ArrayList<>();
			for (int page = 0; page < document.size(); page++) {
				Map<String, String> values = ValueGenerator.values(document.get(page), random);
				ValueGenerator.fitToDocument(document, pages, page, values);
				pages.add(values);
			}
			Map<String, String> main = pages.get(0);
			long wages = 0;
			for (Map<String, String> attachment : pages.subList(1, 3)) {
				assertThat(attachment.get("employee_ssn")).isEqualTo(main.get("ssn"));
				wages += Amounts.cents(attachment.get("box1"));
				long socialSecurityWages = Amounts.cents(attachment.get("box3"));
				assertThat(Amounts.cents(attachment.get("box4")))
						.isEqualTo(Math.round(socialSecurityWages * 0.062 + 1e-9));
				assertThat(attachment.get("box4").isEmpty()).isEqualTo(attachment.get("box3").isEmpty());
			}
			assertThat(Amounts.cents(main.get("line1"))).isEqualTo(wages);
			assertThat(pages.get(1).get("box1").isEmpty()).isEqualTo(main.get("line1").isEmpty());
			long sum = 0;
			for (int line = 1; line <= 8; line++) {
				sum += Amounts.cents(main.get("line" + line));
			}
			assertThat(Amounts.cents(main.get("line9"))).isEqualTo(sum);
		}
	}
}
