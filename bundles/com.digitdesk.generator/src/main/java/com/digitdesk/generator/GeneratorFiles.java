package com.digitdesk.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.nd4j.autodiff.samediff.SameDiff;

import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.recognizer.model.ModelFiles;
import com.digitdesk.recognizer.model.Nd4jContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A generator model on disk: {@code BASE.sd} (the SameDiff graph) and
 * {@code BASE.json} (its card), each written whole or not at all; read only
 * when the graph matches the SHA-256 its card gives.
 */
final class GeneratorFiles {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	/**
	 * A generator's checked files and its card; the graph is read on first
	 * use (reading it sets ND4J up, which a runtime's start should not pay).
	 * Not for two threads at once.
	 */
	static final class Loaded {
		private final Path graphFile;
		private final GeneratorCard card;
		private SameDiff graph;

		Loaded(Path graphFile, GeneratorCard card) {
			this.graphFile = graphFile;
			this.card = card;
		}

		GeneratorCard card() {
			return card;
		}

		SameDiff graph() throws Exception {
			if (graph == null) {
				graph = Nd4jContext.call(() -> SameDiff.load(graphFile.toFile(), false));
			}
			return graph;
		}
	}

	private GeneratorFiles() {
	}

	static GeneratorCard save(SameDiff graph, GeneratorCard card, Path base) throws IOException {
		Path folder = base.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path graphTemp = Files.createTempFile(folder, ".generator-", ".tmp");
		Path cardTemp = Files.createTempFile(folder, ".card-", ".tmp");
		try {
			graph.save(graphTemp.toFile(), false);
			GeneratorCard complete = card.withGraphSha256(ModelFiles.sha256(graphTemp));
			JSON.writeValue(cardTemp.toFile(), complete);
			Files.move(graphTemp, ModelFiles.graphFile(base), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			Files.move(cardTemp, ModelFiles.cardFile(base), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			return complete;
		} finally {
			Files.deleteIfExists(graphTemp);
			Files.deleteIfExists(cardTemp);
		}
	}

	static Loaded load(Path base) throws RecognitionException {
		Path graphFile = ModelFiles.graphFile(base);
		Path cardFile = ModelFiles.cardFile(base);
		for (Path file : new Path[] { graphFile, cardFile }) {
			if (!Files.isRegularFile(file)) {
				throw new RecognitionException("generator model file " + file + " does not exist", null);
			}
		}
		try {
			GeneratorCard card = JSON.readValue(cardFile.toFile(), GeneratorCard.class);
			String sha = ModelFiles.sha256(graphFile);
			if (!sha.equals(card.graphSha256())) {
				throw new RecognitionException(graphFile + " does not match its card (SHA-256 " + sha + ", card says "
						+ card.graphSha256() + ")", null);
			}
			return new Loaded(graphFile, card);
		} catch (RecognitionException e) {
			throw e;
		} catch (Exception | LinkageError e) {
			throw new RecognitionException("generator model " + base + " cannot be read: " + e, e);
		}
	}

	static String toJson(Object value) throws IOException {
		return JSON.writeValueAsString(value);
	}
}
