package com.digitdesk.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.template.TemplateCatalog;
import com.digitdesk.corpus.CorpusCommand;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.render.PdfBoxRenderer;
import com.digitdesk.template.JsonTemplateCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real scanned forms for the tests, made by the corpus command, with their
 * ground truth; and the registrar they are read with (the identification
 * and segmentation tests use it too).
 */
public final class GeneratedForms {

	public record TruthPage(String template, Map<String, String> fields, double rotationDegrees) {
	}

	/**
	 * Scans generated for a test class, with the shipped templates, a renderer
	 * and the registrar to read them; close it after the tests.
	 */
	public record Scans(Path directory, JsonTemplateCatalog catalog, PdfBoxRenderer renderer,
			AnchorRegistrar registrar) implements AutoCloseable {

		public List<Path> pdfs() throws IOException {
			return GeneratedForms.pdfs(directory);
		}

		@Override
		public void close() {
			renderer.deactivate();
		}
	}

	private GeneratedForms() {
	}

	/** Runs {@code digitdesk corpus} with these arguments into {@code directory}, with the shipped templates. */
	public static Scans generate(Path directory, String... arguments) throws Exception {
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(directory.resolve("no-templates"));
		corpus(catalog, directory, arguments);
		return new Scans(directory, catalog, renderer(), registrar());
	}

	/**
	 * Scans of the first designs only (templates {@code f1040-p1} and {@code w2}, the square-mark forms),
	 * {@code pagesEach} of each, into {@code directory}.
	 */
	public static Scans generateFirstDesigns(Path directory, int pagesEach, long seed) throws Exception {
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(directory.resolve("no-templates"));
		for (String template : List.of("f1040-p1", "w2")) {
			Path drawn = Files.createDirectories(directory.resolve("drawn-" + template));
			corpus(catalog, drawn, "--pages", String.valueOf(pagesEach), "--seed", String.valueOf(seed), "--template",
					template);
			try (Stream<Path> files = Files.list(drawn)) {
				for (Path file : files.toList()) {
					Files.move(file, directory.resolve(template + "-" + file.getFileName()));
				}
			}
		}
		return new Scans(directory, catalog, renderer(), registrar());
	}

	/** Runs {@code digitdesk corpus} with these arguments; fails on a non-zero exit. */
	public static void corpus(TemplateCatalog catalog, Path directory, String... arguments) throws Exception {
		List<String> all = new ArrayList<>(List.of("--out", directory.toString()));
		all.addAll(List.of(arguments));
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new CorpusCommand(catalog, MnistCache.atDefaultLocation()).run(new CommandContext(all,
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
				directory, false));
		if (status != 0) {
			throw new AssertionError("corpus failed: " + err.toString(StandardCharsets.UTF_8));
		}
	}

	public static List<TruthPage> truth(Path pdf) throws Exception {
		String name = pdf.getFileName().toString().replace(".pdf", ".json");
		JsonNode root = new ObjectMapper().readTree(pdf.resolveSibling(name).toFile());
		List<TruthPage> pages = new ArrayList<>();
		for (JsonNode page : root.get("pages")) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = page.get("fields").fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				fields.put(field.getKey(), field.getValue().asText());
			}
			pages.add(new TruthPage(page.get("template").asText(), fields,
					page.path("scan").path("rotation_degrees").asDouble()));
		}
		return pages;
	}

	static PdfBoxRenderer renderer() {
		return new PdfBoxRenderer(100, true);
	}

	/** The PDF files of a corpus, by name. */
	public static List<Path> pdfs(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
		}
	}

	/** The registrar with its default configuration. */
	static AnchorRegistrar registrar() {
		return new AnchorRegistrar(registration());
	}

	static RegistrationConfiguration registration() {
		return new RegistrationConfiguration() {
			@Override
			public Class<? extends Annotation> annotationType() {
				return RegistrationConfiguration.class;
			}

			@Override
			public double maxResidualPoints() {
				return 2.0;
			}

			@Override
			public double maxRotationDegrees() {
				return 8.0;
			}
		};
	}
}
