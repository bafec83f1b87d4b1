package com.digitdesk.api.training;

import java.util.Objects;

import com.digitdesk.api.recognition.DigitImage;

/**
 * A labelled set of 28x28 digit images held in two flat arrays, the shape of
 * the MNIST IDX files: cheap to slice into training batches.
 *
 * <p>Immutable. Reading single samples copies 784 bytes; bulk readers use
 * {@link #copyImages(int, int, byte[], int)}.
 */
public final class DigitDataset {

	private final String name;
	private final int count;
	private final byte[] images;
	private final byte[] labels;

	/**
	 * @param name e.g. {@code mnist-train}
	 * @param images {@code count * 784} pixels, MNIST polarity
	 * @param labels {@code count} labels 0..9
	 */
	public DigitDataset(String name, byte[] images, byte[] labels) {
		this.name = Objects.requireNonNull(name, "name");
		Objects.requireNonNull(images, "images");
		Objects.requireNonNull(labels, "labels");
		if (images.length != (long) labels.length * DigitImage.PIXELS) {
			throw new IllegalArgumentException(name + ": " + labels.length + " labels need "
					+ ((long) labels.length * DigitImage.PIXELS) + " image bytes, got " + images.length);
		}
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] < 0 || labels[i] > 9) {
				throw new IllegalArgumentException(name + ": label " + i + " is " + labels[i] + ", not a digit");
			}
		}
		this.count = labels.length;
		this.images = images.clone();
		this.labels = labels.clone();
	}

	/** The digits as one set, in their order. */
	public static DigitDataset of(String name, java.util.List<LabelledDigit> digits) {
		byte[] images = new byte[digits.size() * DigitImage.PIXELS];
		byte[] labels = new byte[digits.size()];
		for (int i = 0; i < digits.size(); i++) {
			System.arraycopy(digits.get(i).image().pixels(), 0, images, i * DigitImage.PIXELS, DigitImage.PIXELS);
			labels[i] = (byte) digits.get(i).label();
		}
		return new DigitDataset(name, images, labels);
	}

	public String name() {
		return name;
	}

	public int size() {
		return count;
	}

	public int label(int index) {
		return labels[Objects.checkIndex(index, count)];
	}

	public DigitImage image(int index) {
		return DigitImage.copyOf(images, Objects.checkIndex(index, count) * DigitImage.PIXELS);
	}

	public LabelledDigit sample(int index) {
		return new LabelledDigit(image(index), label(index), SampleOrigin.DATASET, name + "#" + index);
	}

	/** Copies {@code n} images starting at {@code first} into {@code target} at {@code offset}. */
	public void copyImages(int first, int n, byte[] target, int offset) {
		Objects.checkFromIndexSize(first, n, count);
		System.arraycopy(images, first * DigitImage.PIXELS, target, offset, n * DigitImage.PIXELS);
	}

	/** A copy of all labels. */
	public byte[] labels() {
		return labels.clone();
	}

	/**
	 * A data set cut in two: the samples a training run fits on and those it
	 * holds out for validation ({@link MnistDatasets#split(DigitDataset, int, long)}).
	 */
	public record Split(DigitDataset fitting, DigitDataset heldOut) {
	}

	@Override
	public String toString() {
		return "DigitDataset[" + name + ", " + count + " digits]";
	}
}
