package com.digitdesk.mnist;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;

/**
 * Reads the IDX format of MNIST: a big-endian header (magic number with the
 * element type and number of dimensions, then each dimension's size),
 * followed by the unsigned bytes. Every problem names the file.
 */
public final class IdxReader {

	/** Unsigned bytes, one dimension (labels). */
	static final int LABELS_MAGIC = 0x00000801;
	/** Unsigned bytes, three dimensions (images). */
	static final int IMAGES_MAGIC = 0x00000803;

	private IdxReader() {
	}

	/** Reads a pair of image and label files into one data set. */
	public static DigitDataset readDataset(String name, Path images, Path labels) throws DatasetException {
		byte[] labelBytes = readLabels(labels);
		byte[] imageBytes = readImages(images);
		int imageCount = imageBytes.length / DigitImage.PIXELS;
		if (imageCount != labelBytes.length) {
			throw new DatasetException(images + " holds " + imageCount + " images but " + labels + " holds "
					+ labelBytes.length + " labels");
		}
		try {
			return new DigitDataset(name, imageBytes, labelBytes);
		} catch (IllegalArgumentException e) {
			throw new DatasetException(labels + ": " + e.getMessage(), e);
		}
	}

	/** Reads a label file: one byte 0..9 per sample. */
	public static byte[] readLabels(Path file) throws DatasetException {
		try (DataInputStream in = open(file)) {
			expectMagic(file, in.readInt(), LABELS_MAGIC, "label");
			int count = readCount(file, in, "label count");
			return readBody(file, in, count, 8);
		} catch (EOFException e) {
			throw new DatasetException(file + ": truncated IDX header", e);
		} catch (IOException e) {
			throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
		}
	}

	/** Reads an image file of 28x28 images, row-major, 784 bytes per image. */
	public static byte[] readImages(Path file) throws DatasetException {
		try (DataInputStream in = open(file)) {
			expectMagic(file, in.readInt(), IMAGES_MAGIC, "image");
			int count = readCount(file, in, "image count");
			int rows = in.readInt();
			int columns = in.readInt();
			if (rows != DigitImage.SIDE || columns != DigitImage.SIDE) {
				throw new DatasetException(file + ": images are " + rows + "x" + columns + ", expected "
						+ DigitImage.SIDE + "x" + DigitImage.SIDE);
			}
			long size = (long) count * DigitImage.PIXELS;
			if (size > Integer.MAX_VALUE - 8) {
				throw new DatasetException(file + ": " + count + " images do not fit in memory");
			}
			return readBody(file, in, (int) size, 16);
		} catch (EOFException e) {
			throw new DatasetException(file + ": truncated IDX header", e);
		} catch (IOException e) {
			throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
		}
	}

	private static DataInputStream open(Path file) throws IOException, DatasetException {
		if (!Files.isRegularFile(file)) {
			throw new DatasetException(file + ": no such file");
		}
		return new DataInputStream(Files.newInputStream(file));
	}

	private static void expectMagic(Path file, int magic, int expected, String kind) throws DatasetException {
		if (magic != expected) {
			throw new DatasetException(String.format("%s: not an IDX %s file (magic number 0x%08x, expected 0x%08x)",
					file, kind, magic, expected));
		}
	}

	private static int readCount(Path file, DataInputStream in, String what) throws IOException, DatasetException {
		int count = in.readInt();
		if (count < 0) {
			throw new DatasetException(file + ": negative " + what + " " + count);
		}
		return count;
	}

	private static byte[] readBody(Path file, InputStream in, int size, int headerSize)
			throws IOException, DatasetException {
		byte[] body = in.readNBytes(size);
		if (body.length < size) {
			throw new DatasetException(file + ": truncated: the header promises " + (headerSize + (long) size)
					+ " bytes, the file has " + (headerSize + (long) body.length));
		}
		if (in.read() != -1) {
			throw new DatasetException(file + ": longer than its header says (" + (headerSize + (long) size)
					+ " bytes)");
		}
		return body;
	}
}
