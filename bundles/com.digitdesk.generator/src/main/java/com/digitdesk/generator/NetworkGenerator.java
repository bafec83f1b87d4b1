package com.digitdesk.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.training.DigitGenerator;
import com.digitdesk.recognizer.model.ModelFiles;
import com.digitdesk.recognizer.model.Nd4jContext;

/**
 * A generator network as a {@link DigitGenerator}: the VAE encodes the
 * sample and decodes its style, jittered, with its class; the GAN draws new
 * digits of the class from noise. One graph, one caller at a time (a
 * SameDiff graph is not safe to run from two threads at once).
 */
final class NetworkGenerator implements DigitGenerator {

	/** How far a VAE variant's style strays from the sample's: its posterior's spread times this. */
	static final double STYLE_SPREAD = 1.0;

	private final Kind kind;
	private final GeneratorFiles.Loaded model;
	private final String location;

	NetworkGenerator(Kind kind, GeneratorFiles.Loaded model, String location) {
		this.kind = kind;
		this.model = model;
		this.location = location;
	}

	/** The model at {@code location}, or the one shipped in this bundle (unpacked to {@code data}) when blank. */
	static NetworkGenerator of(Kind kind, String location, Path data) throws RecognitionException {
		Path base = location.isBlank() ? unpack(kind, data) : Path.of(location);
		return new NetworkGenerator(kind, GeneratorFiles.load(base), base.toString());
	}

	@Override
	public String kind() {
		return kind.id();
	}

	@Override
	public String description() {
		GeneratorCard card = model.card();
		return String.format("%s; %d epochs on %,d MNIST digits, final loss %.3f; %s (SHA-256 %s)",
				card.architecture(), card.epochs(), card.trainingDigits(), card.finalLoss(), location,
				card.graphSha256());
	}

	@Override
	public synchronized List<DigitImage> variants(DigitImage sample, int label, int count, long seed)
			throws RecognitionException {
		if (label < 0 || label > 9) {
			throw new IllegalArgumentException("a digit 0-9 is needed, not " + label);
		}
		if (count <= 0) {
			return List.of();
		}
		Random random = new Random(seed);
		try {
			INDArray images = Nd4jContext.call(() -> kind == Kind.VAE ? decode(sample, label, count, random)
					: generate(label, count, random));
			List<DigitImage> out = new ArrayList<>(count);
			byte[] pixels = new byte[DigitImage.PIXELS];
			for (int i = 0; i < count; i++) {
				for (int p = 0; p < DigitImage.PIXELS; p++) {
					double value = images.getDouble(i, p);
					double ink = kind == Kind.VAE ? value : (value + 1) / 2;
					pixels[p] = (byte) Math.round(Math.max(0, Math.min(1, ink)) * 255);
				}
				out.add(DigitImage.copyOf(pixels, 0));
			}
			return out;
		} catch (Exception | LinkageError e) {
			throw new RecognitionException("the " + kind.id() + " generator failed: " + e, e);
		}
	}

	/** The sample's style (the encoder's mean and spread), jittered, decoded with its class. */
	private INDArray decode(DigitImage sample, int label, int count, Random random) throws Exception {
		float[] pixels = new float[DigitImage.PIXELS];
		byte[] bytes = new byte[DigitImage.PIXELS];
		sample.copyTo(bytes, 0);
		for (int p = 0; p < pixels.length; p++) {
			pixels[p] = (bytes[p] & 0xff) / 255f;
		}
		Map<String, INDArray> encoded = model.graph().output(Map.of(ConditionalVae.INPUT,
				Nd4j.create(pixels, 1, DigitImage.PIXELS), ConditionalVae.LABEL, oneHot(label, 1)),
				ConditionalVae.MEAN, ConditionalVae.LOG_VARIANCE);
		INDArray mean = encoded.get(ConditionalVae.MEAN);
		INDArray spread = encoded.get(ConditionalVae.LOG_VARIANCE).mul(0.5);
		float[] styles = new float[count * ConditionalVae.LATENT];
		for (int i = 0; i < count; i++) {
			for (int d = 0; d < ConditionalVae.LATENT; d++) {
				styles[i * ConditionalVae.LATENT + d] = (float) (mean.getDouble(0, d)
						+ Math.exp(spread.getDouble(0, d)) * random.nextGaussian() * STYLE_SPREAD);
			}
		}
		return model.graph().output(Map.of(ConditionalVae.STYLE, Nd4j.create(styles, count, ConditionalVae.LATENT),
				ConditionalVae.LABEL, oneHot(label, count)), ConditionalVae.DECODED).get(ConditionalVae.DECODED);
	}

	private INDArray generate(int label, int count, Random random) throws Exception {
		return model.graph().output(Map.of(ConditionalGan.NOISE, Kind.Noise.normal(random, count,
				ConditionalGan.LATENT), ConditionalGan.LABEL, oneHot(label, count)), ConditionalGan.GENERATED)
				.get(ConditionalGan.GENERATED);
	}

	private static INDArray oneHot(int label, int rows) {
		float[] values = new float[rows * ConditionalVae.CLASSES];
		for (int i = 0; i < rows; i++) {
			values[i * ConditionalVae.CLASSES + label] = 1;
		}
		return Nd4j.create(values, rows, ConditionalVae.CLASSES);
	}

	/** Where the model shipped in this bundle lies among its resources, without extension. */
	static String resource(Kind kind) {
		return "generator/digit-" + kind.id();
	}

	private static Path unpack(Kind kind, Path data) throws RecognitionException {
		Path base = data.resolve("digit-" + kind.id());
		try {
			Files.createDirectories(data);
			ClassLoader loader = NetworkGenerator.class.getClassLoader();
			ModelFiles.unpack(loader, resource(kind) + ".sd", ModelFiles.graphFile(base));
			ModelFiles.unpack(loader, resource(kind) + ".json", ModelFiles.cardFile(base));
			return base;
		} catch (IOException e) {
			throw new RecognitionException("cannot unpack the shipped " + kind.id() + " generator into " + data + ": "
					+ e.getMessage(), e);
		}
	}

}
