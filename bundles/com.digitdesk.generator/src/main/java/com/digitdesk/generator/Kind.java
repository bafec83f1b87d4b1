package com.digitdesk.generator;

import java.util.Locale;
import java.util.Random;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The two kinds of generator: their networks, defaults, and what a training batch feeds them. */
enum Kind {

	/** The conditional VAE: variants of a sample in its style. */
	VAE(ConditionalVae.ARCHITECTURE, 20, 128, 1e-3),
	/** The conditional GAN: new digits of a class. */
	GAN(ConditionalGan.ARCHITECTURE, 20, 64, 2e-4);

	final String architecture;
	final int epochs;
	final int batchSize;
	final double learningRate;

	Kind(String architecture, int epochs, int batchSize, double learningRate) {
		this.architecture = architecture;
		this.epochs = epochs;
		this.batchSize = batchSize;
		this.learningRate = learningRate;
	}

	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Kind of(String id) {
		for (Kind kind : values()) {
			if (kind.id().equals(id)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("no generator kind '" + id + "' (vae or gan)");
	}

	SameDiff create(long seed, double rate) {
		return this == VAE ? ConditionalVae.create(seed, rate) : ConditionalGan.create(seed, rate);
	}

	/** The loss variable to report. */
	String loss() {
		return this == VAE ? ConditionalVae.LOSS : ConditionalGan.LOSS;
	}

	/**
	 * A training batch: digits (784 bytes each, ink high) and their labels;
	 * the VAE takes pixels 0 to 1, the GAN -1 to 1 as its tanh gives them.
	 */
	MultiDataSet batch(byte[] pixels, byte[] labels, int count, Random random) {
		float[] digits = new float[count * ConditionalVae.PIXELS];
		float[] oneHot = new float[count * ConditionalVae.CLASSES];
		for (int i = 0; i < count; i++) {
			for (int p = 0; p < ConditionalVae.PIXELS; p++) {
				float value = (pixels[i * ConditionalVae.PIXELS + p] & 0xff) / 255f;
				digits[i * ConditionalVae.PIXELS + p] = this == VAE ? value : value * 2 - 1;
			}
			oneHot[i * ConditionalVae.CLASSES + labels[i]] = 1;
		}
		INDArray images = Nd4j.create(digits, count, ConditionalVae.PIXELS);
		INDArray classes = Nd4j.create(oneHot, count, ConditionalVae.CLASSES);
		INDArray noise = Noise.normal(random, count, this == VAE ? ConditionalVae.LATENT : ConditionalGan.LATENT);
		return this == VAE ? new MultiDataSet(new INDArray[] { images, classes, noise }, new INDArray[0])
				: new MultiDataSet(new INDArray[] { noise, classes, images }, new INDArray[0]);
	}

	/** Standard normal noise from a seeded Java random, so a seed gives the same images on any backend. */
	static final class Noise {
		private Noise() {
		}

		static INDArray normal(Random random, int rows, int columns) {
			float[] values = new float[rows * columns];
			for (int i = 0; i < values.length; i++) {
				values[i] = (float) random.nextGaussian();
			}
			return Nd4j.create(values, rows, columns);
		}
	}
}
