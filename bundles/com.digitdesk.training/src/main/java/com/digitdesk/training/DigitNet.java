package com.digitdesk.training;

import java.util.List;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;

import com.digitdesk.recognizer.model.ModelGraph;

/**
 * The network: three 3x3 convolutions (32, 64 and 128 maps, the first two
 * each followed by a 2x2 max-pool), dense 256 with ReLU, and 11 outputs: the
 * ten digits and "not a digit". About 3.4 million multiply-adds per digit,
 * and as fast as LeNet-5 (2.3 million) on this CPU backend: small 3x3
 * convolutions keep the im2col matrices small. The third convolution sees
 * the whole digit, which LeNet-5's two do not. Written as an ND4J SameDiff
 * graph, which runs it several times faster than a DL4J MultiLayerNetwork of
 * the same shape.
 */
final class DigitNet {

	static final String INPUT = ModelGraph.INPUT;
	static final String LABEL = ModelGraph.LABEL;
	static final String LOGITS = ModelGraph.LOGITS;
	static final String LOSS = ModelGraph.LOSS;
	static final int CLASSES = ModelGraph.CLASSES;
	/** Index of the "not a digit" output. */
	static final int NOT_A_DIGIT = ModelGraph.NOT_A_DIGIT;
	static final String ARCHITECTURE = "conv3x3x32-maxpool2-conv3x3x64-maxpool2-conv3x3x128-dense256-relu-dense11 (390k parameters, biases included)";

	/** The ND4J backend training runs on, for model cards: CPU or CUDA, whichever is installed. */
	static String backend() {
		return "ND4J 1.0.0-M2.1, " + Nd4j.getBackend().getClass().getSimpleName();
	}

	/** Feature maps of the three convolutions. */
	private static final int[] MAPS = { 32, 64, 128 };
	/** Side of the last convolution's output: 28 -3+1 = 26, /2 = 13, -2 = 11, /2 = 5, -2 = 3. */
	private static final int LAST_SIDE = 3;
	private static final int DENSE = 256;

	private DigitNet() {
	}

	/** A freshly initialised network, ready to train. */
	static SameDiff create(long seed, double learningRate, long totalIterations, double weightDecay) {
		Nd4j.getRandom().setSeed(seed);
		SameDiff sd = SameDiff.create();
		SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, 1, 28, 28);
		SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, CLASSES);
		Conv2DConfig conv3 = Conv2DConfig.builder().kH(3).kW(3).paddingMode(PaddingMode.VALID).dataFormat("NCHW")
				.build();
		Pooling2DConfig pool2 = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).paddingMode(PaddingMode.VALID)
				.isNHWC(false).build();

		SDVariable h = input;
		int channels = 1;
		for (int layer = 0; layer < MAPS.length; layer++) {
			int maps = MAPS[layer];
			String name = "conv" + (layer + 1);
			SDVariable w = sd.var(name + "_w", new XavierInitScheme('c', 9 * channels, 9 * maps), DataType.FLOAT, 3,
					3, channels, maps);
			SDVariable b = bias(sd, name + "_b", maps);
			h = sd.nn.relu(sd.cnn.conv2d(h, w, b, conv3), 0);
			if (layer < MAPS.length - 1) {
				h = sd.cnn.maxPooling2d(h, pool2);
			}
			channels = maps;
		}
		int flat = LAST_SIDE * LAST_SIDE * channels;
		h = sd.reshape(h, -1, flat);

		SDVariable w3 = sd.var("dense_w", new XavierInitScheme('c', flat, DENSE), DataType.FLOAT, flat, DENSE);
		SDVariable b3 = bias(sd, "dense_b", DENSE);
		h = sd.nn.relu(h.mmul(w3).add(b3), 0);

		SDVariable w4 = sd.var("out_w", new XavierInitScheme('c', DENSE, CLASSES), DataType.FLOAT, DENSE, CLASSES);
		SDVariable b4 = bias(sd, "out_b", CLASSES);
		SDVariable logits = h.mmul(w4).add(LOGITS, b4);
		sd.loss.softmaxCrossEntropy(LOSS, label, logits, null);
		trainWith(sd, learningRate, totalIterations, weightDecay);
		return sd;
	}

	/**
	 * A trainable bias, starting at zero. ({@code SameDiff.zero} would make
	 * a constant: the network would train without biases.)
	 */
	private static SDVariable bias(SameDiff sd, String name, int size) {
		return sd.var(name, new ZeroInitScheme(), DataType.FLOAT, size);
	}

	/**
	 * Sets up a network (new, or trained and loaded to go on training) for a
	 * run of {@code totalIterations} batches: Adam, the learning rate falling
	 * tenfold over the run, decoupled weight decay.
	 */
	static void trainWith(SameDiff sd, double learningRate, long totalIterations, double weightDecay) {
		// Models made before the biases were trainable hold them as constants (all zero): let them learn.
		List<SDVariable> constantBiases = sd.variables().stream()
				.filter(v -> v.getVariableType() == VariableType.CONSTANT && v.name().endsWith("_b")).toList();
		if (!constantBiases.isEmpty()) {
			sd.convertToVariables(constantBiases);
		}
		sd.setLossVariables(LOSS);
		double decay = Math.pow(0.1, 1.0 / Math.max(1, totalIterations));
		sd.setTrainingConfig(TrainingConfig.builder()
				.updater(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, learningRate, decay)))
				.weightDecay(weightDecay, true).dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
	}
}
