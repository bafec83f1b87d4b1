package com.digitdesk.generator;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A small conditional variational autoencoder over 28x28 digits (Kingma and
 * Welling 2014, conditioned on the class as in Sohn et al. 2015): the
 * encoder maps a digit and its class to a Gaussian over a 16-dimensional
 * style space, the decoder maps a style and a class back to pixels. A
 * digit's variants are its own style, perturbed, decoded with its class: new
 * images in that writer's hand.
 */
final class ConditionalVae {

	static final String ARCHITECTURE = "cVAE: encoder dense(784+10 -> 400) relu -> mu, log-variance (16 each); "
			+ "decoder dense(16+10 -> 400) relu -> dense(400 -> 784) sigmoid; loss: pixel cross-entropy + KL";
	static final String INPUT = "input";
	static final String LABEL = "label";
	static final String NOISE = "noise";
	static final String MEAN = "mean";
	static final String LOG_VARIANCE = "log_variance";
	static final String STYLE = "style";
	static final String DECODED = "decoded";
	static final String LOSS = "loss";
	static final int PIXELS = 784;
	static final int CLASSES = 10;
	static final int LATENT = 16;
	private static final int HIDDEN = 400;

	private ConditionalVae() {
	}

	/**
	 * The graph: feed {@link #INPUT} (pixels 0-1), {@link #LABEL} (one-hot)
	 * and {@link #NOISE} (standard normal, {@link #LATENT} a digit) to train
	 * or to encode; decoding alone feeds {@link #STYLE} and {@link #LABEL}
	 * to {@link #DECODED}.
	 */
	static SameDiff create(long seed, double learningRate) {
		org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(seed);
		SameDiff sd = SameDiff.create();
		SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, PIXELS);
		SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, CLASSES);
		SDVariable noise = sd.placeHolder(NOISE, DataType.FLOAT, -1, LATENT);

		Dense encoder = Dense.of(sd, "enc", PIXELS + CLASSES, HIDDEN);
		SDVariable hidden = sd.nn.relu(encoder.on(sd.concat(1, input, label)), 0);
		SDVariable mean = Dense.of(sd, "enc_mean", HIDDEN, LATENT).on(hidden).rename(MEAN);
		SDVariable logVariance = Dense.of(sd, "enc_logvar", HIDDEN, LATENT).on(hidden).rename(LOG_VARIANCE);
		SDVariable sampled = mean.add(sd.math.exp(logVariance.mul(0.5)).mul(noise));

		// one decoder, used twice: on the sampled style to train, on a given style to decode
		Dense decoder = Dense.of(sd, "dec", LATENT + CLASSES, HIDDEN);
		Dense decoderOut = Dense.of(sd, "dec_out", HIDDEN, PIXELS);
		SDVariable logits = decoderOut.on(sd.nn.relu(decoder.on(sd.concat(1, sampled, label)), 0));
		SDVariable style = sd.placeHolder(STYLE, DataType.FLOAT, -1, LATENT);
		sd.nn.sigmoid(DECODED, decoderOut.on(sd.nn.relu(decoder.on(sd.concat(1, style, label)), 0)));

		// binary cross-entropy from logits: max(l, 0) - l x + log(1 + exp(-|l|)), summed over pixels
		SDVariable crossEntropy = sd.nn.relu(logits, 0).sub(logits.mul(input))
				.add(sd.math.log(sd.math.exp(sd.math.abs(logits).neg()).add(1.0))).sum(1);
		SDVariable kl = logVariance.add(1.0).sub(mean.mul(mean)).sub(sd.math.exp(logVariance)).sum(1).mul(-0.5);
		crossEntropy.add(kl).mean().rename(LOSS);
		sd.setLossVariables(LOSS);
		sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(learningRate))
				.dataSetFeatureMapping(INPUT, LABEL, NOISE).markLabelsUnused().build());
		return sd;
	}
}
