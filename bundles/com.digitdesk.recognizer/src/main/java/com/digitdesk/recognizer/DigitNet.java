package com.digitdesk.recognizer;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.weightinit.impl.XavierInitScheme;

/**
 * The network: LeNet-5 as Caffe defines it (conv 5x5x20, max-pool, conv
 * 5x5x50, max-pool, dense 500, ReLU), with 11 outputs: the ten digits and
 * "not a digit". About 2.3 million multiply-adds per digit: cheap enough for
 * thousands of digits per second per core, big enough for MNIST with
 * augmentation. Written as an ND4J SameDiff graph, which runs it several
 * times faster than a DL4J MultiLayerNetwork of the same shape.
 */
final class DigitNet {

	static final String INPUT = "input";
	static final String LABEL = "label";
	static final String LOGITS = "logits";
	static final String LOSS = "loss";
	static final int CLASSES = 11;
	/** Index of the "not a digit" output. */
	static final int NOT_A_DIGIT = 10;
	static final String ARCHITECTURE = "conv5x5x20-maxpool2-conv5x5x50-maxpool2-dense500-relu-dense11 (LeNet-5, 431k parameters)";

	/** The ND4J backend this bundle runs on, for model cards: CPU or CUDA, whichever is embedded. */
	static String backend() {
		return "ND4J 1.0.0-M2.1, " + Nd4j.getBackend().getClass().getSimpleName();
	}

	private static final int CONV1 = 20;
	private static final int CONV2 = 50;
	private static final int DENSE = 500;

	private DigitNet() {
	}

	/** A freshly initialised network, ready to train. */
	static SameDiff create(long seed, double learningRate, long totalIterations, double weightDecay) {
		Nd4j.getRandom().setSeed(seed);
		SameDiff sd = SameDiff.create();
		SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, 1, 28, 28);
		SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, CLASSES);
		Conv2DConfig conv5 = Conv2DConfig.builder().kH(5).kW(5).paddingMode(PaddingMode.VALID).dataFormat("NCHW")
				.build();
		Pooling2DConfig pool2 = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).paddingMode(PaddingMode.VALID)
				.isNHWC(false).build();

		SDVariable w1 = sd.var("conv1_w", new XavierInitScheme('c', 25, 25 * CONV1), DataType.FLOAT, 5, 5, 1, CONV1);
		SDVariable b1 = sd.zero("conv1_b", DataType.FLOAT, CONV1);
		SDVariable h = sd.cnn.maxPooling2d(sd.nn.relu(sd.cnn.conv2d(input, w1, b1, conv5), 0), pool2);

		SDVariable w2 = sd.var("conv2_w", new XavierInitScheme('c', 25 * CONV1, 25 * CONV2), DataType.FLOAT, 5, 5,
				CONV1, CONV2);
		SDVariable b2 = sd.zero("conv2_b", DataType.FLOAT, CONV2);
		h = sd.cnn.maxPooling2d(sd.nn.relu(sd.cnn.conv2d(h, w2, b2, conv5), 0), pool2);
		h = sd.reshape(h, -1, 4 * 4 * CONV2);

		SDVariable w3 = sd.var("dense_w", new XavierInitScheme('c', 16 * CONV2, DENSE), DataType.FLOAT, 16 * CONV2,
				DENSE);
		SDVariable b3 = sd.zero("dense_b", DataType.FLOAT, DENSE);
		h = sd.nn.relu(h.mmul(w3).add(b3), 0);

		SDVariable w4 = sd.var("out_w", new XavierInitScheme('c', DENSE, CLASSES), DataType.FLOAT, DENSE, CLASSES);
		SDVariable b4 = sd.zero("out_b", DataType.FLOAT, CLASSES);
		SDVariable logits = h.mmul(w4).add(LOGITS, b4);
		SDVariable loss = sd.loss.softmaxCrossEntropy(LOSS, label, logits, null);
		sd.setLossVariables(loss);

		// Learning rate falls tenfold over the whole run.
		double decay = Math.pow(0.1, 1.0 / Math.max(1, totalIterations));
		sd.setTrainingConfig(TrainingConfig.builder()
				.updater(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, learningRate, decay)))
				.weightDecay(weightDecay, true).dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
		return sd;
	}
}
