package com.digitdesk.recognizer.model;

import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.digitdesk.api.recognition.DigitImage;

/** Runs the network on glyph pixels and returns its raw scores (logits). */
public final class Logits {

	private Logits() {
	}

	/** Pixels 0..255 (MNIST polarity), {@code count} glyphs of 784 bytes, as the network's input. */
	public static INDArray input(byte[] pixels, int offset, int count) {
		float[] values = new float[count * DigitImage.PIXELS];
		for (int i = 0; i < values.length; i++) {
			values[i] = (pixels[offset + i] & 0xFF) / 255f;
		}
		return Nd4j.create(values, new long[] { count, 1, DigitImage.SIDE, DigitImage.SIDE }, DataType.FLOAT);
	}

	/** Logits of {@code count} glyphs, {@code count * 11} values; must run inside {@link Nd4jContext}. */
	public static float[] of(SameDiff graph, byte[] pixels, int offset, int count) {
		INDArray result = graph.output(Map.of(ModelGraph.INPUT, input(pixels, offset, count)), ModelGraph.LOGITS)
				.get(ModelGraph.LOGITS);
		return result.data().asFloat();
	}

	/** Logits of a whole set, in batches. */
	public static float[] ofAll(SameDiff graph, byte[] pixels, int count, int batch) throws Exception {
		return Nd4jContext.call(() -> {
			float[] all = new float[count * ModelGraph.CLASSES];
			for (int start = 0; start < count; start += batch) {
				int n = Math.min(batch, count - start);
				float[] part = of(graph, pixels, start * DigitImage.PIXELS, n);
				System.arraycopy(part, 0, all, start * ModelGraph.CLASSES, part.length);
			}
			return all;
		});
	}

	/** Index of the largest of the 11 scores of sample {@code i}. */
	public static int argmax(float[] logits, int i) {
		int best = 0;
		for (int c = 1; c < ModelGraph.CLASSES; c++) {
			if (logits[i * ModelGraph.CLASSES + c] > logits[i * ModelGraph.CLASSES + best]) {
				best = c;
			}
		}
		return best;
	}

	public static double accuracy(float[] logits, byte[] labels) {
		int right = 0;
		for (int i = 0; i < labels.length; i++) {
			right += argmax(logits, i) == labels[i] ? 1 : 0;
		}
		return (double) right / labels.length;
	}

	/** Softmax of {@code logits / temperature}, written into {@code out}. */
	public static void softmax(float[] logits, int offset, int classes, double temperature, double[] out) {
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < classes; c++) {
			max = Math.max(max, logits[offset + c] / temperature);
		}
		double sum = 0;
		for (int c = 0; c < classes; c++) {
			out[c] = Math.exp(logits[offset + c] / temperature - max);
			sum += out[c];
		}
		for (int c = 0; c < classes; c++) {
			out[c] /= sum;
		}
	}
}
