package com.digitdesk.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ground truth written beside each corpus PDF as {@code NAME.json}:
 * {@code {"pages": [{"template": "<id>", "fields": {"<name>": "<value>"}}, ...]}},
 * one entry per page in order, values normalized as the store writes them.
 * Each page also says how it was scanned ({@code "scan"}), for analysis.
 */
record GroundTruth(List<Page> pages) {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
	private static final TypeReference<Map<String, Object>> SCAN = new TypeReference<>() {
	};

	record Page(String template, Map<String, String> fields, Map<String, Object> scan) {
	}

	GroundTruth {
		pages = List.copyOf(pages);
	}

	/** The ground truth file of a corpus PDF. */
	static Path fileFor(Path pdf) {
		String name = pdf.getFileName().toString();
		return pdf.resolveSibling(name.substring(0, name.length() - ".pdf".length()) + ".json");
	}

	/** The PDFs of a corpus directory that have their ground truth beside them, in name order. */
	static List<Path> pdfsWithTruth(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".pdf"))
					.filter(p -> Files.isRegularFile(fileFor(p))).sorted().toList();
		}
	}

	void write(Path file) throws IOException {
		ObjectNode root = JSON.createObjectNode();
		ArrayNode array = root.putArray("pages");
		for (Page page : pages) {
			ObjectNode node = array.addObject();
			node.put("template", page.template());
			ObjectNode fields = node.putObject("fields");
			page.fields().forEach(fields::put);
			node.set("scan", JSON.valueToTree(page.scan()));
		}
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		JSON.writeValue(PrivateFiles.emptyFile(partial).toFile(), root);
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	static GroundTruth read(Path file) throws IOException {
		JsonNode root = JSON.readTree(file.toFile());
		JsonNode pages = root == null ? null : root.get("pages");
		if (pages == null || !pages.isArray()) {
			throw new IOException(file + ": no \"pages\" array");
		}
		List<Page> result = new ArrayList<>();
		for (JsonNode page : pages) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = page.path("fields").fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				fields.put(field.getKey(), field.getValue().asText());
			}
			Map<String, Object> scan = page.has("scan") ? JSON.convertValue(page.get("scan"), SCAN) : Map.of();
			result.add(new Page(page.path("template").asText(), fields, scan));
		}
		return new GroundTruth(result);
	}
}
