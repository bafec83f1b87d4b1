package com.digitdesk.generator;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A small conditional generative adversarial network over 28x28 digits
 * (Goodfellow et al. 2014, conditioned on the class as in Mirza and Osindero
 * 2014): the generator maps noise and a class to pixels, the discriminator
 * tells real digits of a class from generated ones. Both learn in one
 * optimizer step per batch from one loss whose parts stop each other's
 * gradients: the discriminator's part sees the generated digits as
 * constants, the generator's part sees the discriminator's weights as
 * constants (the non-saturating generator loss).
 */
final class ConditionalGan {

	static final String ARCHITECTURE = "cGAN: generator dense(32+10 -> 256 -> 512) leaky relu -> dense(512 -> 784) "
			+ "sigmoid; discriminator dense(784+10 -> 512 -> 256) leaky relu -> dense(256 -> 1); non-saturating loss";
	static final String NOISE = "noise";
	static final String LABEL = "label";
	static final String REAL = "real";
	static final String GENERATED = "generated";
	static final String LOSS = "loss";
	static final int PIXELS = 784;
	static final int CLASSES = 10;
	static final int LATENT = 32;
	private static final double SLOPE = 0.2;

	private ConditionalGan() {
	}

	/**
	 * The graph: to train feed {@link #NOISE} (standard normal),
	 * {@link #LABEL} (one-hot) and {@link #REAL} (real digits of those
	 * classes, pixels -1 to 1); to generate feed noise and labels to
	 * {@link #GENERATED}.
	 */
	static SameDiff create(long seed, double learningRate) {
		org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(seed);
		SameDiff sd = SameDiff.create();
		SDVariable noise = sd.placeHolder(NOISE, DataType.FLOAT, -1, LATENT);
		SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, CLASSES);
		SDVariable real = sd.placeHolder(REAL, DataType.FLOAT, -1, PIXELS);

		Dense g1 = Dense.of(sd, "gen1", LATENT + CLASSES, 256);
		Dense g2 = Dense.of(sd, "gen2", 256, 512);
		Dense g3 = Dense.of(sd, "gen_out", 512, PIXELS);
		SDVariable h = sd.nn.leakyRelu(g1.on(sd.concat(1, noise, label)), SLOPE);
		h = sd.nn.leakyRelu(g2.on(h), SLOPE);
		// tanh: pixels -1 (paper) to 1 (ink), as the real digits are fed
		SDVariable generated = sd.math.tanh(GENERATED, g3.on(h));

		Dense d1 = Dense.of(sd, "dis1", PIXELS + CLASSES, 512);
		Dense d2 = Dense.of(sd, "dis2", 512, 256);
		Dense d3 = Dense.of(sd, "dis_out", 256, 1);
		SDVariable realScore = discriminate(sd, real, label, d1, d2, d3);
		SDVariable fakeScore = discriminate(sd, stop(sd, generated), label, d1, d2, d3);
		SDVariable fooled = discriminate(sd, generated, label, frozen(sd, d1), frozen(sd, d2), frozen(sd, d3));

		// real digits' target 0.9, not 1 (one-sided label smoothing): a discriminator too sure starves the generator
		SDVariable realLoss = sd.nn.softplus(realScore.neg()).mul(0.9).add(sd.nn.softplus(realScore).mul(0.1));
		SDVariable discriminatorLoss = sd.math.add("discriminator_loss", realLoss.mean(),
				sd.nn.softplus(fakeScore).mean());
		SDVariable generatorLoss = sd.nn.softplus(fooled.neg()).mean().rename("generator_loss");
		discriminatorLoss.add(LOSS, generatorLoss);
		sd.setLossVariables(LOSS);
		sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(learningRate, 0.5, 0.999, 1e-8)).dataSetFeatureMapping(NOISE, LABEL, REAL).markLabelsUnused().build());
		return sd;
	}

	private static SDVariable discriminate(SameDiff sd, SDVariable digits, SDVariable label, Dense d1, Dense d2,
			Dense d3) {
		SDVariable h = sd.nn.leakyRelu(d1.on(sd.concat(1, digits, label)), SLOPE);
		return d3.on(sd.nn.leakyRelu(d2.on(h), SLOPE));
	}

	private static SDVariable stop(SameDiff sd, SDVariable variable) {
		return new StopGradient(sd, variable).outputVariable();
	}

	private static Dense frozen(SameDiff sd, Dense layer) {
		return new Dense(stop(sd, layer.weights()), stop(sd, layer.biases()));
	}
}
