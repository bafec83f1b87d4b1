package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoredField;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The main job inside the framework: a generated archive with a file that is
 * no PDF, a truncated one and an encrypted one mixed in, imported into an H2
 * store, imported again, exported and queued for review.
 */
@ExtendWith(ServiceExtension.class)
class ImportTest {

	static final ObjectMapper JSON = new ObjectMapper();

	@InjectService(timeout = 20000)
	static ResultStores stores;

	static Path archive;
	static String url;
	static JsonNode firstImport;
	@TempDir
	static Path work;

	@BeforeAll
	static void importAnArchive() throws Exception {
		archive = work.resolve("archive");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", archive.resolve("batch-1").toString(),
				"--pages", "5", "--seed", "31")).isZero();
		Path good = pdfs(archive).get(0);
		Files.writeString(archive.resolve("notes.pdf"), "this is no PDF");
		byte[] bytes = Files.readAllBytes(good);
		Files.write(archive.resolve("truncated.pdf"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
		try (PDDocument document = Loader.loadPDF(good.toFile())) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(archive.resolve("locked.pdf").toFile());
		}
		url = "jdbc:h2:file:" + work.resolve("store/results");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "import", "--db", url, "--json", archive.toString())).as("exit status: files failed")
				.isEqualTo(1);
		firstImport = JSON.readTree(out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void theSummaryCountsEveryFileAndNamesTheBadOnes() {
		int corpusFiles = pdfs(archive.resolve("batch-1")).size();
		assertThat(firstImport.get("files").asInt()).isEqualTo(corpusFiles + 3);
		assertThat(firstImport.get("pages").asInt()).isEqualTo(5);
		assertThat(firstImport.get("failed").asInt()).isEqualTo(3);
		int fields = firstImport.get("fields").asInt();
		assertThat(fields).isGreaterThan(40);
		assertThat(firstImport.get("auto_accepted").asInt() + firstImport.get("needs_review").asInt()).isEqualTo(fields);
		assertThat(firstImport.get("auto_accepted").asInt()).isPositive();
		assertThat(firstImport.get("pages_per_second").asDouble()).isPositive();
		assertThat(firstImport.get("failures").toString()).contains("notes.pdf", "truncated.pdf", "locked.pdf")
				.contains("encrypted");
	}

	@Test
	void theBadFilesAreQuarantinedWithTheirReason() throws Exception {
		ResultStore store = stores.store(url);
		assertThat(store.quarantined()).extracting(q -> Path.of(q.sourceFile()).getFileName().toString())
				.contains("notes.pdf", "truncated.pdf", "locked.pdf");
		assertThat(store.quarantined()).allSatisfy(q -> assertThat(q.reason()).isNotBlank());
	}

	@Test
	void importingTheSameArchiveAgainStoresNothingTwice() throws Exception {
		ResultStore store = stores.store(url);
		long pagesBefore = store.summary().pages();
		long fieldsBefore = store.summary().fields();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Commands.run(out, "import", "--db", url, "--json", archive.toString());
		JsonNode again = JSON.readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(again.get("pages").asInt()).isZero();
		assertThat(again.get("already_stored_files").asInt()).isEqualTo(pdfs(archive.resolve("batch-1")).size());
		assertThat(store.summary().pages()).isEqualTo(pagesBefore);
		assertThat(store.summary().fields()).isEqualTo(fieldsBefore);
	}

	@Test
	void theExportHoldsEveryFieldAsTheGroundTruthSpellsIt() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "export", "--db", url, "--format", "json")).isZero();
		JsonNode rows = JSON.readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(rows.size()).isEqualTo(firstImport.get("fields").asInt());
		Map<String, String> truth = groundTruth(archive.resolve("batch-1"));
		int right = 0;
		for (JsonNode row : rows) {
			for (String key : List.of("source_file", "page", "template", "field", "value", "status", "confidence")) {
				assertThat(row.has(key)).as(key).isTrue();
			}
			String key = row.get("source_file").asText() + "/" + row.get("page").asInt() + "/" + row.get("field").asText();
			assertThat(truth).containsKey(key);
			if (truth.get(key).equals(row.get("value").asText())) {
				right++;
			}
			assertThat(List.of("auto_accepted", "needs_review")).contains(row.get("status").asText());
		}
		// The recognizer reads about 95% of generated fields right.
		assertThat(right).isGreaterThan(rows.size() * 8 / 10);

		Path csv = work.resolve("fields.csv");
		assertThat(Commands.run(new ByteArrayOutputStream(), "export", "--db", url, "--format", "csv", "--out", csv.toString()))
				.isZero();
		List<String> lines = Files.readAllLines(csv);
		assertThat(lines.get(0)).startsWith("source_file,page,template,field,value,status,confidence");
		assertThat(lines).hasSize(rows.size() + 1);
	}

	@Test
	void theReviewQueueListsDoubtfulFieldsInDocumentOrder() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "review-queue", "--db", url, "--json")).isZero();
		JsonNode queue = JSON.readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(queue.size()).isEqualTo(firstImport.get("needs_review").asInt());
		List<Long> ids = new ArrayList<>();
		queue.forEach(field -> {
			ids.add(field.get("id").asLong());
			assertThat(field.get("reasons").size()).isPositive();
		});
		// the order the verification window takes them: document as imported, page, field
		List<StoredField> stored = stores.store(url).reviewQueue(ids.size() + 10);
		assertThat(stored).extracting(StoredField::id).containsExactlyElementsOf(ids);
		assertThat(stored).extracting(StoredField::place).isSorted();
		assertThat(stores.store(url).summary().fields(FieldStatus.NEEDS_REVIEW)).isEqualTo(queue.size());
	}

	@Test
	void theRoutingStudyDrawsTheFieldRejectCurveOfACorpus() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "routing-study", archive.resolve("batch-1").toString(), "--json")).isZero();
		JsonNode study = JSON.readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(study.get("pages").asInt()).isEqualTo(5);
		assertThat(study.get("fields").asInt()).isEqualTo(firstImport.get("fields").asInt());
		JsonNode curve = study.get("curve");
		assertThat(curve.size()).isGreaterThan(5);
		assertThat(curve.get(0).get("auto_accepted").asInt())
				.isGreaterThanOrEqualTo(curve.get(curve.size() - 1).get("auto_accepted").asInt());
		// Routed at the configured threshold, the study accepts what the import accepted.
		assertThat(study.get("at_configured").get("auto_accepted").asInt())
				.isEqualTo(firstImport.get("auto_accepted").asInt());
		// Each point counts the fields by template field too, and names the accepted ones that are wrong.
		JsonNode byField = study.get("at_configured").get("by_field");
		int counted = 0;
		for (JsonNode field : byField) {
			counted += field.get("fields").asInt();
		}
		assertThat(counted).isEqualTo(study.get("fields").asInt());
		assertThat(study.get("at_configured").get("wrong_among_accepted").size())
				.isEqualTo(study.get("at_configured").get("auto_accepted_wrong").asInt());
	}

	@Test
	void theImportIsScoredFieldByFieldAgainstTheCorpusGroundTruth() throws Exception {
		Path corpus = archive.resolve("batch-1");
		JsonNode all = score(corpus).get("groups").get("all");
		assertThat(all.get("fields").asInt()).isEqualTo(firstImport.get("fields").asInt());
		assertThat(all.get("auto_accepted").asInt()).isEqualTo(firstImport.get("auto_accepted").asInt());
		// The same counts from the export and the ground truth files.
		Map<String, String> truth = groundTruth(corpus);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "export", "--db", url, "--format", "json")).isZero();
		int right = 0;
		int acceptedWrong = 0;
		JsonNode acceptedRight = null;
		for (JsonNode row : JSON.readTree(out.toString(StandardCharsets.UTF_8))) {
			String value = row.get("value").asText();
			boolean isRight = value.equals(truth.get(row.get("source_file").asText() + "/" + row.get("page").asInt()
					+ "/" + row.get("field").asText()));
			boolean accepted = row.get("status").asText().equals("auto_accepted");
			right += isRight ? 1 : 0;
			acceptedWrong += accepted && !isRight ? 1 : 0;
			if (accepted && isRight && !value.isEmpty()) {
				acceptedRight = row;
			}
		}
		assertThat(all.get("right").asInt()).isEqualTo(right);
		assertThat(all.get("accepted_wrong").asInt()).isEqualTo(acceptedWrong);

		// A copy of the corpus whose ground truth says another value for one accepted field: it is now wrong.
		Path copy = work.resolve("other-truth");
		Files.createDirectories(copy);
		for (Path pdf : pdfs(corpus)) {
			Files.copy(pdf, copy.resolve(pdf.getFileName()));
			Path json = pdf.resolveSibling(pdf.getFileName().toString().replace(".pdf", ".json"));
			Files.copy(json, copy.resolve(json.getFileName()));
		}
		assertThat(acceptedRight).as("an auto-accepted field read right").isNotNull();
		String file = acceptedRight.get("source_file").asText();
		String value = acceptedRight.get("value").asText();
		String otherValue = (value.startsWith("9") ? "1" : "9") + value.substring(1);
		Path json = copy.resolve(file.replace(".pdf", ".json"));
		JsonNode rewritten = JSON.readTree(json.toFile());
		((ObjectNode) rewritten.get("pages").get(acceptedRight.get("page").asInt() - 1)
				.get("fields")).put(acceptedRight.get("field").asText(), otherValue);
		JSON.writeValue(json.toFile(), rewritten);

		JsonNode rescored = score(copy);
		assertThat(rescored.get("groups").get("all").get("right").asInt()).isEqualTo(right - 1);
		assertThat(rescored.get("groups").get("all").get("accepted_wrong").asInt()).isEqualTo(acceptedWrong + 1);
		assertThat(rescored.get("accepted_wrong_fields").toString()).contains(acceptedRight.get("field").asText(),
				otherValue);
		// Per template and per kind of scan, every field is counted once.
		for (String kind : List.of("template ", "scan ")) {
			int counted = 0;
			for (Iterator<Map.Entry<String, JsonNode>> groups = rescored.get("groups").fields(); groups.hasNext();) {
				Map.Entry<String, JsonNode> group = groups.next();
				counted += group.getKey().startsWith(kind) ? group.getValue().get("fields").asInt() : 0;
			}
			assertThat(counted).as(kind).isEqualTo(all.get("fields").asInt());
		}
	}

	private static JsonNode score(Path corpus) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "score-import", corpus.toString(), "--db", url, "--json")).isZero();
		JsonNode score = JSON.readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(score.get("missing_fields").asInt()).isZero();
		return score;
	}

	// --- helpers

	/** The export of a store, one line per field: where it is, its value, status and confidence. */
	static List<String> exportRows(String url) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "export", "--db", url, "--format", "json")).isZero();
		List<String> rows = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (JsonNode row : JSON.readTree(out.toString(StandardCharsets.UTF_8))) {
			String key = row.get("source_file").asText() + "/" + row.get("page").asInt() + "/" + row.get("field").asText();
			assertThat(keys.add(key)).as("%s exported once", key).isTrue();
			rows.add(key + "=" + row.get("value").asText() + " " + row.get("status").asText() + " "
					+ row.get("confidence").asText());
		}
		return rows;
	}

	static List<Path> pdfs(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** "file/page/field" to the true value, from the corpus's NAME.json files. */
	static Map<String, String> groundTruth(Path corpus) throws Exception {
		Map<String, String> truth = new HashMap<>();
		for (Path pdf : pdfs(corpus)) {
			String name = pdf.getFileName().toString();
			JsonNode pages = JSON.readTree(pdf.resolveSibling(name.replace(".pdf", ".json")).toFile()).get("pages");
			for (int p = 0; p < pages.size(); p++) {
				int page = p + 1;
				pages.get(p).get("fields").fields()
						.forEachRemaining(field -> truth.put(name + "/" + page + "/" + field.getKey(), field.getValue().asText()));
			}
		}
		return truth;
	}
}
