package com.digitdesk.recognizer;

import java.util.Optional;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import com.digitdesk.api.recognition.ActivationMaps;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.recognizer.model.Nd4jContext;

/**
 * The first convolution layer of a network made by the training command
 * ({@code conv1_w}, 3x3 kernels, and {@code conv1_b}), run on one glyph in
 * plain Java: what the layer's maps show of it, for the draw pad. The
 * network's own run stays as it is; this only reads its weights.
 */
final class FirstLayer {

	private final float[] kernels;
	private final float[] biases;
	private final int size;
	private final int maps;

	private FirstLayer(float[] kernels, float[] biases, int size, int maps) {
		this.kernels = kernels;
		this.biases = biases;
		this.size = size;
		this.maps = maps;
	}

	/** The layer of a graph, if it has one of one input channel. */
	static Optional<FirstLayer> of(SameDiff graph) throws Exception {
		return Nd4jContext.call(() -> {
			SDVariable weights = graph.getVariable("conv1_w");
			if (weights == null || weights.getArr() == null) {
				return Optional.<FirstLayer>empty();
			}
			long[] shape = weights.getArr().shape();
			// [kernel height, kernel width, input channels, maps]
			if (shape.length != 4 || shape[0] != shape[1] || shape[2] != 1) {
				return Optional.<FirstLayer>empty();
			}
			int maps = (int) shape[3];
			float[] kernels = weights.getArr().dup('c').data().asFloat();
			SDVariable bias = graph.getVariable("conv1_b");
			float[] biases = bias == null || bias.getArr() == null ? new float[maps]
					: bias.getArr().dup('c').data().asFloat();
			return Optional.of(new FirstLayer(kernels, biases, (int) shape[0], maps));
		});
	}

	/** The layer's maps of a glyph: valid convolution, bias, ReLU, as the network computes them. */
	ActivationMaps on(DigitImage glyph) {
		byte[] pixels = glyph.pixels();
		int side = DigitImage.SIDE - size + 1;
		float[] values = new float[maps * side * side];
		for (int m = 0; m < maps; m++) {
			for (int y = 0; y < side; y++) {
				for (int x = 0; x < side; x++) {
					float sum = biases[m];
					for (int ky = 0; ky < size; ky++) {
						for (int kx = 0; kx < size; kx++) {
							float input = (pixels[(y + ky) * DigitImage.SIDE + x + kx] & 0xFF) / 255f;
							sum += input * kernels[(ky * size + kx) * maps + m];
						}
					}
					values[(m * side + y) * side + x] = Math.max(0, sum);
				}
			}
		}
		return new ActivationMaps(maps, side, values);
	}
}
