package com.digitdesk.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ground truth beside a corpus PDF ({@code NAME.json}, as written by
 * {@code digitdesk corpus}): per page the template and the true field values.
 */
record TruthFile(List<Page> pages) {

	record Page(String template, Map<String, String> fields) {
	}

	/** The ground truth of {@code pdf}, if it has one. */
	static Optional<TruthFile> of(Path pdf) throws IOException {
		String name = pdf.getFileName().toString();
		Path file = pdf.resolveSibling(name.substring(0, name.length() - ".pdf".length()) + ".json");
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		JsonNode pages = new ObjectMapper().readTree(file.toFile()).path("pages");
		if (!pages.isArray()) {
			throw new IOException(file + ": no \"pages\" array");
		}
		List<Page> result = new ArrayList<>();
		for (JsonNode page : pages) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = page.path("fields").fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				fields.put(field.getKey(), field.getValue().asText());
			}
			result.add(new Page(page.path("template").asText(), fields));
		}
		return Optional.of(new TruthFile(result));
	}
}
