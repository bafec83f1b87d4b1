package com.digitdesk.recognizer.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.WeakHashMap;

import org.nd4j.autodiff.samediff.SameDiff;

import com.digitdesk.api.recognition.RecognitionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A model on disk: {@code NAME.sd} (the SameDiff graph with its weights) and
 * {@code NAME.json} (its {@link ModelCard}). Both are written to temporary
 * files and renamed into place, so a reader never sees half a model. The
 * recognizer reads models; training writes them and reads one to go on
 * training it: both build this package in (it is no API, and stays private
 * to each).
 */
public final class ModelFiles {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private ModelFiles() {
	}

	public static Path graphFile(Path base) {
		return base.resolveSibling(base.getFileName() + ".sd");
	}

	public static Path cardFile(Path base) {
		return base.resolveSibling(base.getFileName() + ".json");
	}

	/** Writes graph and card; the card's modelSha256 is filled in from the graph written. */
	public static ModelCard save(SameDiff graph, ModelCard card, Path base) throws IOException {
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
	public static final class Loaded {
		private final ModelCard card;
		private final Path graphFile;
		private final String sha256;
		private final Map<Thread, SameDiff> graphs = Collections.synchronizedMap(new WeakHashMap<>());

		private Loaded(ModelCard card, Path graphFile, String sha256) {
			this.card = card;
			this.graphFile = graphFile;
			this.sha256 = sha256;
		}

		public ModelCard card() {
			return card;
		}

		public String sha256() {
			return sha256;
		}

		public String location() {
			return graphFile.toString();
		}

		/** Runs {@code work} on this thread's own graph. */
		public <T> T withGraph(GraphWork<T> work) throws RecognitionException {
			Thread thread = Thread.currentThread();
			SameDiff graph = graphs.get(thread);
			if (graph == null) {
				graph = load();
				graphs.put(thread, graph);
			}
			return work.run(graph);
		}

		/** A graph of this model of the caller's own, e.g. to go on training it. */
		public SameDiff load() throws RecognitionException {
			try {
				SameDiff loaded = Nd4jContext.call(() -> SameDiff.load(graphFile.toFile(), false));
				if (loaded.getVariable(ModelGraph.LOGITS) == null || loaded.getVariable(ModelGraph.INPUT) == null) {
					throw new RecognitionException("model file " + graphFile + " is not a digit network (no "
							+ ModelGraph.INPUT + "/" + ModelGraph.LOGITS + ")", null);
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
	public interface GraphWork<T> {
		T run(SameDiff graph) throws RecognitionException;
	}

	/**
	 * Checks a model on disk ({@code base} without extension): both files
	 * present, the card readable, the graph file's SHA-256 the one its card
	 * names.
	 *
	 * @throws RecognitionException naming the file that is missing, unreadable or altered
	 */
	public static Loaded load(Path base) throws RecognitionException {
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

	/**
	 * Copies a resource a bundle ships (a model file) to {@code target}, whole
	 * or not at all.
	 */
	public static void unpack(ClassLoader loader, String resource, Path target) throws IOException {
		try (java.io.InputStream in = loader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("the bundle holds no " + resource);
			}
			Path temporary = Files.createTempFile(target.getParent(), ".unpack-", ".tmp");
			try {
				Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} finally {
				Files.deleteIfExists(temporary);
			}
		}
	}

	/** The SHA-256 of every file in a folder (e.g. the MNIST files a model learnt from), by file name. */
	public static Map<String, String> checksums(Path directory) throws IOException {
		Map<String, String> sums = new java.util.TreeMap<>();
		try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
			for (Path file : files) {
				sums.put(file.getFileName().toString(), sha256(file));
			}
		}
		return sums;
	}

	public static String sha256(Path file) throws IOException {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	public static String toJson(Object value) throws IOException {
		return JSON.writeValueAsString(value);
	}
}
