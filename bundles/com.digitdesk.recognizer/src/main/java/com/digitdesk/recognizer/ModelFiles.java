package com.digitdesk.recognizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.commons.codec.digest.DigestUtils;
import org.nd4j.autodiff.samediff.SameDiff;

import com.digitdesk.api.recognition.RecognitionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A model on disk: {@code NAME.sd} (the SameDiff graph with its weights) and
 * {@code NAME.json} (its {@link ModelCard}). Both are written to temporary
 * files and renamed into place, so a reader never sees half a model.
 */
final class ModelFiles {

	static final String DEFAULT_NAME = "digit-cnn";
	/** The second model shipped inside this bundle, asked about the glyphs the first is unsure of. */
	static final String SECOND_NAME = "digit-cnn-second";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private ModelFiles() {
	}

	static Path graphFile(Path base) {
		return base.resolveSibling(base.getFileName() + ".sd");
	}

	static Path cardFile(Path base) {
		return base.resolveSibling(base.getFileName() + ".json");
	}

	/** Writes graph and card; the card's modelSha256 is filled in from the graph written. */
	static ModelCard save(SameDiff graph, ModelCard card, Path base) throws IOException {
		Files.createDirectories(base.toAbsolutePath().getParent());
		Path graphTemp = Files.createTempFile(base.toAbsolutePath().getParent(), ".model-", ".tmp");
		Path cardTemp = Files.createTempFile(base.toAbsolutePath().getParent(), ".card-", ".tmp");
		try {
			graph.save(graphTemp.toFile(), false);
			String sha = sha256(graphTemp);
			ModelCard complete = card.withModelSha256(sha);
			JSON.writeValue(cardTemp.toFile(), complete);
			Files.move(graphTemp, graphFile(base), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Files.move(cardTemp, cardFile(base), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return complete;
		} finally {
			Files.deleteIfExists(graphTemp);
			Files.deleteIfExists(cardTemp);
		}
	}

	/**
	 * A checked model: its card, its graph file and that file's SHA-256. The
	 * graph is read on first use, so that starting the runtime stays quick.
	 * A SameDiff graph is not safe to run from two threads at once (its
	 * inference session fails now and then on first use), and it keeps an
	 * inference session, with a cache of working arrays, for every thread
	 * that ever ran it: so each thread runs a graph of its own, kept while
	 * the thread lives and freed with the model (a weak map, no thread-locals
	 * that would pin this bundle's classes after an update).
	 */
	static final class Loaded {
		private final ModelCard card;
		private final Path graphFile;
		private final String sha256;
		private final Map<Thread, SameDiff> graphs = Collections.synchronizedMap(new WeakHashMap<>());

		Loaded(ModelCard card, Path graphFile, String sha256) {
			this.card = card;
			this.graphFile = graphFile;
			this.sha256 = sha256;
		}

		ModelCard card() {
			return card;
		}

		String sha256() {
			return sha256;
		}

		String location() {
			return graphFile.toString();
		}

		/** Runs {@code work} on this thread's own graph. */
		<T> T withGraph(GraphWork<T> work) throws RecognitionException {
			Thread thread = Thread.currentThread();
			SameDiff graph = graphs.get(thread);
			if (graph == null) {
				graph = load();
				graphs.put(thread, graph);
			}
			return work.run(graph);
		}

		/** A graph of this model of the caller's own, e.g. to go on training it. */
		SameDiff load() throws RecognitionException {
			try {
				SameDiff loaded = Nd4jContext.call(() -> SameDiff.load(graphFile.toFile(), false));
				if (loaded.getVariable(DigitNet.LOGITS) == null || loaded.getVariable(DigitNet.INPUT) == null) {
					throw new RecognitionException("model file " + graphFile + " is not a digit network (no "
							+ DigitNet.INPUT + "/" + DigitNet.LOGITS + ")", null);
				}
				return loaded;
			} catch (RecognitionException e) {
				throw e;
			} catch (Exception | LinkageError e) {
				throw new RecognitionException("model file " + graphFile + " cannot be loaded: " + e, e);
			}
		}
	}

	/** What runs on a thread's own graph. */
	@FunctionalInterface
	interface GraphWork<T> {
		T run(SameDiff graph) throws RecognitionException;
	}

	/**
	 * Checks a model on disk ({@code base} without extension): both files
	 * present, the card readable, the graph file's SHA-256 the one its card
	 * names.
	 *
	 * @throws RecognitionException naming the file that is missing, unreadable or altered
	 */
	static Loaded load(Path base) throws RecognitionException {
		Path graph = graphFile(base).toAbsolutePath();
		Path card = cardFile(base).toAbsolutePath();
		for (Path file : new Path[] { graph, card }) {
			if (!Files.isRegularFile(file)) {
				throw new RecognitionException("model file " + file + " does not exist", null);
			}
		}
		ModelCard modelCard;
		try {
			modelCard = JSON.readValue(card.toFile(), ModelCard.class);
		} catch (IOException e) {
			throw new RecognitionException("model card " + card + " is not valid: " + e.getMessage(), e);
		}
		if (modelCard.modelSha256() == null || !(modelCard.temperature() > 0)) {
			throw new RecognitionException("model card " + card + " lacks the model's SHA-256 or temperature", null);
		}
		String sha;
		try {
			sha = sha256(graph);
		} catch (IOException e) {
			throw new RecognitionException("model file " + graph + " cannot be read: " + e.getMessage(), e);
		}
		if (!modelCard.modelSha256().equals(sha)) {
			throw new RecognitionException("model file " + graph + " is damaged or was replaced: its SHA-256 is " + sha
					+ " but its card " + card.getFileName() + " says " + modelCard.modelSha256(), null);
		}
		return new Loaded(modelCard, graph, sha);
	}

	/** Where the model {@code name} lies among this bundle's resources, without extension. */
	static String bundled(String name) {
		return "model/" + name;
	}

	/** Copies the model {@code name} shipped in this bundle to {@code directory} and loads it from there. */
	static Loaded loadBundled(Path directory, String name) throws RecognitionException {
		try {
			Files.createDirectories(directory);
			Path base = directory.resolve(name);
			copyResource(bundled(name) + ".sd", graphFile(base));
			copyResource(bundled(name) + ".json", cardFile(base));
			return load(base);
		} catch (IOException e) {
			throw new RecognitionException("cannot unpack the bundled model into " + directory + ": " + e.getMessage(),
					e);
		}
	}

	private static void copyResource(String name, Path target) throws IOException {
		try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IOException("the bundle holds no " + name);
			}
			Path temp = Files.createTempFile(target.getParent(), ".unpack-", ".tmp");
			try {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} finally {
				Files.deleteIfExists(temp);
			}
		}
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return DigestUtils.sha256Hex(in);
		}
	}

	static String toJson(Object value) throws IOException {
		return JSON.writeValueAsString(value);
	}
}
