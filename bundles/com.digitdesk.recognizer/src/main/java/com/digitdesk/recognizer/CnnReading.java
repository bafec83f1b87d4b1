package com.digitdesk.recognizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;

import com.digitdesk.api.recognition.ActivationMaps;
import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.recognition.RecognizerInfo;
import com.digitdesk.api.training.EvaluableRecognizer;
import com.digitdesk.api.training.RecognizerSetup;
import com.digitdesk.api.training.Scores;
import com.digitdesk.recognizer.model.Logits;
import com.digitdesk.recognizer.model.ModelCard;
import com.digitdesk.recognizer.model.ModelFiles;
import com.digitdesk.recognizer.model.ModelGraph;
import com.digitdesk.recognizer.model.Nd4jContext;

/**
 * One configured reading: the networks (checked when loaded: files present,
 * card readable, graph matching its SHA-256), the thresholds at which a
 * glyph is read again, and a fixed pool of worker threads, one native thread
 * each, on which batches run. The recognizer service ({@link CnnRecognizer})
 * holds one at a time and replaces it when its configuration changes.
 */
class CnnReading implements EvaluableRecognizer {

	private final ModelFiles.Loaded model;
	/** A second network (the shipped one: LeNet-5), asked about the glyphs the first is unsure of. */
	private final Optional<ModelFiles.Loaded> second;
	private final double secondOpinionBelow;
	/** Glyphs still below this after both opinions are also read shifted (0: never). */
	private final double shiftedViewsBelow;
	/** The same for a careful reading ({@link #recognizeCarefully}). */
	private final double carefulViewsBelow;
	private final int batchSize;
	private final ExecutorService workers;
	/** The first network's first layer, read on first use; null until then. */
	private volatile Optional<FirstLayer> firstLayer;
	private volatile boolean singleThreadedNatives;

	/** The reading an OSGi configuration asks for; fails naming the model that does not load. */
	static CnnReading configured(BundleContext context, RecognizerConfiguration configuration)
			throws RecognitionException {
		return new CnnReading(model(context, configuration.modelLocation(), BundledModels.DEFAULT_NAME),
				configuration.secondOpinion()
						? Optional.of(model(context, configuration.secondModelLocation(), BundledModels.SECOND_NAME))
						: Optional.empty(),
				configuration.secondOpinionBelow(), configuration.shiftedViewsBelow(),
				configuration.carefulViewsBelow(), configuration.batchSize(), configuration.threads());
	}

	/** The model at {@code location}, or the one shipped as {@code bundledName} when the location is empty. */
	private static ModelFiles.Loaded model(BundleContext context, String location, String bundledName)
			throws RecognitionException {
		return location.isBlank() ? BundledModels.load(context.getDataFile("model").toPath(), bundledName)
				: ModelFiles.load(Path.of(location));
	}

	/** For use without a framework: a loaded model, batch size, worker threads (0: one per core). */
	CnnReading(ModelFiles.Loaded model, int batchSize, int threads) {
		this(model, Optional.empty(), 0, 0, 0, batchSize, threads);
	}

	/**
	 * For use without a framework, with a second model whose calibrated
	 * probabilities are averaged in for every glyph on which the first
	 * model's top probability is below {@code secondOpinionBelow}.
	 */
	CnnReading(ModelFiles.Loaded model, Optional<ModelFiles.Loaded> second, double secondOpinionBelow,
			int batchSize, int threads) {
		this(model, second, secondOpinionBelow, 0, 0, batchSize, threads);
	}

	/**
	 * The same, and the glyphs whose top probability is still below
	 * {@code shiftedViewsBelow} are also read shifted by a pixel each way,
	 * the five readings averaged; a careful reading does the same for every
	 * glyph below {@code carefulViewsBelow} (or {@code shiftedViewsBelow},
	 * the higher).
	 */
	CnnReading(ModelFiles.Loaded model, Optional<ModelFiles.Loaded> second, double secondOpinionBelow,
			double shiftedViewsBelow, double carefulViewsBelow, int batchSize, int threads) {
		this.model = model;
		this.second = second;
		this.secondOpinionBelow = secondOpinionBelow;
		this.shiftedViewsBelow = shiftedViewsBelow;
		this.carefulViewsBelow = Math.max(shiftedViewsBelow, carefulViewsBelow);
		this.batchSize = Math.max(1, batchSize);
		int workerCount = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		AtomicInteger number = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(workerCount, r -> {
			Thread thread = new Thread(r, "digit-recognizer-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Stops the workers at once (nothing reads with this any more). */
	void close() {
		workers.shutdownNow();
	}

	/**
	 * Lets the batches already handed to the workers finish, then stops them
	 * (a reading replaced while callers may still be using it).
	 */
	void retire() {
		workers.shutdown();
	}

	@Override
	public List<DigitPrediction> recognize(List<DigitImage> glyphs) throws RecognitionException {
		return recognize(glyphs, shiftedViewsBelow);
	}

	/** Reads every glyph still below {@code carefulViewsBelow} after both opinions shifted too. */
	@Override
	public List<DigitPrediction> recognizeCarefully(List<DigitImage> glyphs) throws RecognitionException {
		return recognize(glyphs, carefulViewsBelow);
	}

	private List<DigitPrediction> recognize(List<DigitImage> glyphs, double viewsBelow) throws RecognitionException {
		if (glyphs.isEmpty()) {
			return List.of();
		}
		byte[] pixels = new byte[glyphs.size() * DigitImage.PIXELS];
		for (int i = 0; i < glyphs.size(); i++) {
			glyphs.get(i).copyTo(pixels, i * DigitImage.PIXELS);
		}
		double[] probabilities = probabilities(outputs(pixels, glyphs.size(), viewsBelow), glyphs.size(), true);
		List<DigitPrediction> predictions = new ArrayList<>(glyphs.size());
		for (int i = 0; i < glyphs.size(); i++) {
			predictions.add(hasInk(pixels, i) ? prediction(probabilities, i) : NO_INK);
		}
		return predictions;
	}

	/**
	 * What the networks say of a set of glyphs: the first model's scores of
	 * every glyph, the second model's of those the first is unsure of, and
	 * what they say of the shifted views of the glyphs still doubtful.
	 *
	 * @param unsure indexes of the glyphs the second model was asked about
	 * @param second its scores of them, in that order
	 * @param shifted indexes of the glyphs also read shifted
	 * @param views the outputs for their views, {@link ShiftedViews#PER_GLYPH} per glyph in that order; null if none
	 */
	record Outputs(float[] first, int[] unsure, float[] second, int[] shifted, Outputs views) {
	}

	/**
	 * Runs the networks once over a set of glyphs (784 bytes each), and over
	 * the shifted views of those still below {@code viewsBelow} (0: none).
	 */
	Outputs outputs(byte[] pixels, int count, double viewsBelow) throws RecognitionException {
		Outputs direct = directOutputs(pixels, count);
		if (viewsBelow <= 0) {
			return direct;
		}
		int[] doubtful = below(probabilities(direct, count, true), pixels, count, viewsBelow);
		if (doubtful.length == 0) {
			return direct;
		}
		Outputs views = directOutputs(ShiftedViews.of(pixels, doubtful), doubtful.length * ShiftedViews.PER_GLYPH);
		return new Outputs(direct.first(), direct.unsure(), direct.second(), doubtful, views);
	}

	/** The glyphs as they are, through the first model and (where it is unsure) the second. */
	private Outputs directOutputs(byte[] pixels, int count) throws RecognitionException {
		float[] first = logits(model, pixels, count);
		if (second.isEmpty()) {
			return new Outputs(first, new int[0], new float[0], new int[0], null);
		}
		int[] unsure = below(softmax(first, count, model.card().temperature()), pixels, count, secondOpinionBelow);
		byte[] gathered = new byte[unsure.length * DigitImage.PIXELS];
		for (int i = 0; i < unsure.length; i++) {
			System.arraycopy(pixels, unsure[i] * DigitImage.PIXELS, gathered, i * DigitImage.PIXELS, DigitImage.PIXELS);
		}
		return new Outputs(first, unsure,
				unsure.length == 0 ? new float[0] : logits(second.get(), gathered, unsure.length), new int[0], null);
	}

	/**
	 * Class probabilities, 11 per glyph: the first model's, averaged with the
	 * second model's where the first is unsure (judged on its calibrated
	 * probabilities), averaged over the shifted views where still doubtful.
	 *
	 * @param calibrated false for the networks' raw softmax (temperature 1),
	 *        to measure what calibration gives
	 */
	double[] probabilities(Outputs outputs, int count, boolean calibrated) {
		double[] probabilities = softmax(outputs.first(), count, calibrated ? model.card().temperature() : 1);
		int[] unsure = outputs.unsure();
		if (unsure.length > 0) {
			average(probabilities, unsure, softmax(outputs.second(), unsure.length,
					calibrated ? second.orElseThrow().card().temperature() : 1), 1);
		}
		int[] shifted = outputs.shifted();
		if (shifted.length > 0) {
			average(probabilities, shifted,
					probabilities(outputs.views(), shifted.length * ShiftedViews.PER_GLYPH, calibrated),
					ShiftedViews.PER_GLYPH);
		}
		return probabilities;
	}

	/**
	 * Replaces the probabilities of the glyphs {@code at} by their mean with
	 * {@code others}, which hold {@code per} rows of 11 for each of them.
	 */
	private static void average(double[] probabilities, int[] at, double[] others, int per) {
		for (int i = 0; i < at.length; i++) {
			for (int c = 0; c < ModelGraph.CLASSES; c++) {
				int cell = at[i] * ModelGraph.CLASSES + c;
				double sum = probabilities[cell];
				for (int v = 0; v < per; v++) {
					sum += others[(i * per + v) * ModelGraph.CLASSES + c];
				}
				probabilities[cell] = sum / (per + 1);
			}
		}
	}

	/** The inked glyphs whose top probability is below {@code limit}. */
	private static int[] below(double[] probabilities, byte[] pixels, int count, double limit) {
		int[] below = new int[count];
		int n = 0;
		for (int i = 0; i < count; i++) {
			double top = 0;
			for (int c = 0; c < ModelGraph.CLASSES; c++) {
				top = Math.max(top, probabilities[i * ModelGraph.CLASSES + c]);
			}
			if (top < limit && hasInk(pixels, i)) {
				below[n++] = i;
			}
		}
		return Arrays.copyOf(below, n);
	}

	private static double[] softmax(float[] logits, int count, double temperature) {
		double[] probabilities = new double[count * ModelGraph.CLASSES];
		double[] row = new double[ModelGraph.CLASSES];
		for (int i = 0; i < count; i++) {
			Logits.softmax(logits, i * ModelGraph.CLASSES, ModelGraph.CLASSES, temperature, row);
			System.arraycopy(row, 0, probabilities, i * ModelGraph.CLASSES, ModelGraph.CLASSES);
		}
		return probabilities;
	}

	@Override
	public Optional<ActivationMaps> firstLayer(DigitImage glyph) throws RecognitionException {
		Optional<FirstLayer> layer = firstLayer;
		if (layer == null) {
			useSingleThreadedNatives();
			// a graph loaded for this once, not kept for the caller's thread as a reading graph is
			try {
				layer = FirstLayer.of(model.load());
			} catch (RecognitionException e) {
				throw e;
			} catch (Exception | LinkageError e) {
				throw new RecognitionException("reading the first layer of " + model.location() + ": " + e, e);
			}
			firstLayer = layer;
		}
		return layer.map(l -> l.on(glyph));
	}

	@Override
	public RecognizerInfo info() {
		ModelCard card = model.card();
		String secondOpinion = second.map(other -> String.format(
				"; second opinion below %.4f from %s (MNIST test accuracy %.4f)", secondOpinionBelow, other.location(),
				other.card().testAccuracy())).orElse("")
				+ (shiftedViewsBelow > 0 ? String.format("; shifted views below %.4f", shiftedViewsBelow) : "")
				+ String.format("; careful reading: shifted views below %.4f", carefulViewsBelow);
		return new RecognizerInfo("cnn", model.sha256() + second.map(other -> "+" + other.sha256()).orElse(""),
				String.format("%s; MNIST test accuracy %.4f; temperature %.3f; %s%s", card.architecture(),
						card.testAccuracy(), card.temperature(), model.location(), secondOpinion));
	}

	@Override
	public RecognizerSetup setup() {
		ModelCard card = model.card();
		String graph = model.location();
		String base = graph.endsWith(".sd") ? graph.substring(0, graph.length() - 3) : graph;
		return new RecognizerSetup(model.sha256(), card.architecture(), card.temperature(),
				second.map(ModelFiles.Loaded::sha256).orElse(null), secondOpinionBelow, shiftedViewsBelow, base);
	}

	/** The probabilities of a plain reading ({@link #recognize(List)}), with and without calibration. */
	@Override
	public Scores scores(byte[] pixels, int count) throws RecognitionException {
		Outputs outputs = outputs(pixels, count, shiftedViewsBelow);
		return new Scores(probabilities(outputs, count, true), probabilities(outputs, count, false),
				outputs.unsure().length, outputs.shifted().length);
	}

	@Override
	public Trial trial(int batch, int threads, boolean firstModelOnly) {
		return firstModelOnly ? new TrialCopy(model, Optional.empty(), 0, 0, 0, batch, threads)
				: new TrialCopy(model, second, secondOpinionBelow, shiftedViewsBelow, carefulViewsBelow, batch,
						threads);
	}

	/** A recognizer of its own worker threads, made to be measured and closed. */
	private static final class TrialCopy extends CnnReading implements Trial {

		TrialCopy(ModelFiles.Loaded model, Optional<ModelFiles.Loaded> second, double secondOpinionBelow,
				double shiftedViewsBelow, double carefulViewsBelow, int batchSize, int threads) {
			super(model, second, secondOpinionBelow, shiftedViewsBelow, carefulViewsBelow, batchSize, threads);
		}

		@Override
		public void close() {
			super.close();
		}
	}

	/** Raw network scores of a set of glyphs (784 bytes each), 11 per glyph. */
	private float[] logits(ModelFiles.Loaded network, byte[] pixels, int count) throws RecognitionException {
		// One batch: run it on the caller's thread, no hand-over costs.
		return count <= batchSize ? run(network, pixels, 0, count) : runInParallel(network, pixels, count);
	}

	private float[] runInParallel(ModelFiles.Loaded network, byte[] pixels, int count) throws RecognitionException {
		List<Future<float[]>> parts = new ArrayList<>();
		for (int start = 0; start < count; start += batchSize) {
			int from = start;
			int n = Math.min(batchSize, count - start);
			Callable<float[]> part = () -> run(network, pixels, from * DigitImage.PIXELS, n);
			parts.add(submit(part));
		}
		float[] logits = new float[count * ModelGraph.CLASSES];
		int at = 0;
		try {
			for (Future<float[]> part : parts) {
				float[] values = part.get();
				System.arraycopy(values, 0, logits, at, values.length);
				at += values.length;
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new RecognitionException("recognition was interrupted", e);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof RecognitionException r ? r
					: new RecognitionException("recognition failed: " + e.getCause(), e.getCause());
		}
		return logits;
	}

	/**
	 * A part on a worker; on the caller's thread once this reading has been
	 * retired (replaced by another while the caller was in it).
	 */
	private Future<float[]> submit(Callable<float[]> part) {
		try {
			return workers.submit(part);
		} catch (RejectedExecutionException retired) {
			FutureTask<float[]> here = new FutureTask<>(part);
			here.run();
			return here;
		}
	}

	private float[] run(ModelFiles.Loaded network, byte[] pixels, int offset, int count) throws RecognitionException {
		useSingleThreadedNatives();
		return network.withGraph(graph -> {
			try {
				return Nd4jContext.call(() -> Logits.of(graph, pixels, offset, count));
			} catch (Exception | LinkageError e) {
				throw new RecognitionException("the network failed on " + count + " glyphs: " + e, e);
			}
		});
	}

	/**
	 * ND4J is set up on first use (its natives take a second or two to load,
	 * which the runtime's start should not pay).
	 */
	private void useSingleThreadedNatives() throws RecognitionException {
		if (!singleThreadedNatives) {
			try {
				Nd4jContext.useNativeThreads(1);
			} catch (Exception e) {
				throw new RecognitionException("ND4J cannot be set up: " + e, e);
			}
			singleThreadedNatives = true;
		}
	}

	/**
	 * A glyph without a single inked pixel is no digit, whatever the network
	 * would make of an input it never trained on.
	 */
	static final DigitPrediction NO_INK = new DigitPrediction(noInkRanking());

	private static List<ClassProbability> noInkRanking() {
		List<ClassProbability> ranked = new ArrayList<>();
		ranked.add(new ClassProbability(ClassProbability.NOT_A_DIGIT, 1));
		for (int digit = 0; digit <= 9; digit++) {
			ranked.add(new ClassProbability(digit, 0));
		}
		return ranked;
	}

	private static boolean hasInk(byte[] pixels, int glyph) {
		for (int i = glyph * DigitImage.PIXELS, end = i + DigitImage.PIXELS; i < end; i++) {
			if (pixels[i] != 0) {
				return true;
			}
		}
		return false;
	}

	/** The 11 class probabilities of glyph {@code index}, most probable first. */
	static DigitPrediction prediction(double[] probabilities, int index) {
		List<ClassProbability> ranked = new ArrayList<>(ModelGraph.CLASSES);
		for (int c = 0; c < ModelGraph.CLASSES; c++) {
			ranked.add(new ClassProbability(c == ModelGraph.NOT_A_DIGIT ? ClassProbability.NOT_A_DIGIT : c,
					Math.min(1, probabilities[index * ModelGraph.CLASSES + c])));
		}
		ranked.sort((a, b) -> Double.compare(b.probability(), a.probability()));
		return new DigitPrediction(ranked);
	}
}
