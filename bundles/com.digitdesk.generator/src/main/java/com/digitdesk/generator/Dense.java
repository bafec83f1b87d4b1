package com.digitdesk.generator;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;

/** A fully connected layer's weights (Xavier) and biases (zero), the generators' only kind of layer. */
record Dense(SDVariable weights, SDVariable biases) {

	static Dense of(SameDiff sd, String name, int in, int out) {
		return new Dense(sd.var(name + "_w", new XavierInitScheme('c', in, out), DataType.FLOAT, in, out),
				sd.var(name + "_b", new ZeroInitScheme(), DataType.FLOAT, 1, out));
	}

	/** {@code input x W + b}. */
	SDVariable on(SDVariable input) {
		return input.mmul(weights).add(biases);
	}
}
