package com.digitdesk.recognizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.nd4j.autodiff.samediff.SameDiff;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.recognition.RecognizerInfo;

/**
 * The CNN recognizer. The model is checked (files present, card readable,
 * graph matching its SHA-256) when the component activates, so a broken model
 * keeps the service from being registered; batches then run on a fixed pool
 * of worker threads, one native thread each.
 */
@Component(immediate = true, service = { DigitRecognizer.class, CnnRecognizer.class }, property = "recognizer=cnn", configurationPid = RecognizerConfiguration.PID)
@Designate(ocd = RecognizerConfiguration.class)
public class CnnRecognizer implements DigitRecognizer {

	private final ModelFiles.Loaded model;
	private final int batchSize;
	private final ExecutorService workers;
	private volatile boolean singleThreadedNatives;

	@Activate
	public CnnRecognizer(BundleContext context, RecognizerConfiguration configuration) throws Exception {
		this(configuration.modelLocation().isBlank()
				? ModelFiles.loadBundled(context.getDataFile("model").toPath())
				: ModelFiles.load(Path.of(configuration.modelLocation())), configuration.batchSize(),
				configuration.threads());
	}

	/** For use without a framework: a loaded model, batch size, worker threads (0: one per core). */
	CnnRecognizer(ModelFiles.Loaded model, int batchSize, int threads) throws Exception {
		this.model = model;
		this.batchSize = Math.max(1, batchSize);
		int workerCount = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		AtomicInteger number = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(workerCount, r -> {
			Thread thread = new Thread(r, "digit-recognizer-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Deactivate
	void deactivate() {
		workers.shutdownNow();
	}

	@Override
	public List<DigitPrediction> recognize(List<DigitImage> glyphs) throws RecognitionException {
		if (glyphs.isEmpty()) {
			return List.of();
		}
		byte[] pixels = new byte[glyphs.size() * DigitImage.PIXELS];
		for (int i = 0; i < glyphs.size(); i++) {
			glyphs.get(i).copyTo(pixels, i * DigitImage.PIXELS);
		}
		float[] logits;
		if (glyphs.size() <= batchSize) {
			// One batch: run it on the caller's thread, no hand-over costs.
			logits = run(pixels, 0, glyphs.size());
		} else {
			logits = runInParallel(pixels, glyphs.size());
		}
		List<DigitPrediction> predictions = new ArrayList<>(glyphs.size());
		for (int i = 0; i < glyphs.size(); i++) {
			predictions.add(hasInk(pixels, i) ? prediction(logits, i, model.card().temperature()) : NO_INK);
		}
		return predictions;
	}

	@Override
	public RecognizerInfo info() {
		ModelCard card = model.card();
		return new RecognizerInfo("cnn", model.sha256(),
				String.format("%s; MNIST test accuracy %.4f; temperature %.3f; %s", card.architecture(),
						card.testAccuracy(), card.temperature(), model.location()));
	}

	ModelCard card() {
		return model.card();
	}

	ModelFiles.Loaded model() {
		return model;
	}

	/** Raw network scores of a set of glyphs (784 bytes each), 11 per glyph, for evaluation. */
	float[] logits(byte[] pixels, int count) throws RecognitionException {
		return count <= batchSize ? run(pixels, 0, count) : runInParallel(pixels, count);
	}

	private float[] runInParallel(byte[] pixels, int count) throws RecognitionException {
		List<Future<float[]>> parts = new ArrayList<>();
		for (int start = 0; start < count; start += batchSize) {
			int from = start;
			int n = Math.min(batchSize, count - start);
			parts.add(workers.submit(() -> run(pixels, from * DigitImage.PIXELS, n)));
		}
		float[] logits = new float[count * DigitNet.CLASSES];
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

	private float[] run(byte[] pixels, int offset, int count) throws RecognitionException {
		SameDiff graph = graph();
		try {
			return Nd4jContext.call(() -> Logits.of(graph, pixels, offset, count));
		} catch (Exception | LinkageError e) {
			throw new RecognitionException("the network failed on " + count + " glyphs: " + e, e);
		}
	}

	/**
	 * The network, loaded on first use together with ND4J itself (its natives
	 * take a second or two to load, which the runtime's start should not pay).
	 */
	private SameDiff graph() throws RecognitionException {
		SameDiff graph = model.graph();
		if (!singleThreadedNatives) {
			try {
				Nd4jContext.useNativeThreads(1);
			} catch (Exception e) {
				throw new RecognitionException("ND4J cannot be set up: " + e, e);
			}
			singleThreadedNatives = true;
		}
		return graph;
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

	/** Calibrated probabilities of all 11 classes, most probable first. */
	static DigitPrediction prediction(float[] logits, int index, double temperature) {
		double[] p = new double[DigitNet.CLASSES];
		Calibration.softmax(logits, index * DigitNet.CLASSES, DigitNet.CLASSES, temperature, p);
		List<ClassProbability> ranked = new ArrayList<>(DigitNet.CLASSES);
		for (int c = 0; c < DigitNet.CLASSES; c++) {
			ranked.add(new ClassProbability(c == DigitNet.NOT_A_DIGIT ? ClassProbability.NOT_A_DIGIT : c,
					Math.min(1, p[c])));
		}
		ranked.sort((a, b) -> Double.compare(b.probability(), a.probability()));
		return new DigitPrediction(ranked);
	}
}
