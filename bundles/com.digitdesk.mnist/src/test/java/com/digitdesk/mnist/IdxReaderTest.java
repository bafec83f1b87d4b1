package com.digitdesk.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;

/** Reads the real MNIST files from the shared cache (fetched on first use). */
class IdxReaderTest {

	private static Path mnist;

	@TempDir
	Path scratch;

	@BeforeAll
	static void fetchMnist() throws DatasetException {
		mnist = MnistCache.atDefaultLocation().fetch();
	}

	@Test
	void readsTheTestSet() throws DatasetException {
		DigitDataset test = IdxReader.readDataset("mnist-test", mnist.resolve("t10k-images-idx3-ubyte"),
				mnist.resolve("t10k-labels-idx1-ubyte"));
		assertThat(test.size()).isEqualTo(10_000);
		// The canonical test set starts 7, 2, 1, 0, 4 and holds 1,135 ones.
		assertThat(new int[] { test.label(0), test.label(1), test.label(2), test.label(3), test.label(4) })
				.containsExactly(7, 2, 1, 0, 4);
		byte[] labels = test.labels();
		assertThat(countOf(labels, 1)).isEqualTo(1135);
		// Digits are ink on black, inside the 28x28 frame: the border is empty, the centre is not.
		assertThat(test.image(0).ink(0, 0)).isZero();
		int centreInk = 0;
		for (int y = 8; y < 20; y++) {
			for (int x = 8; x < 20; x++) {
				centreInk += test.image(0).ink(x, y);
			}
		}
		assertThat(centreInk).isPositive();
	}

	@Test
	void readsTheTrainingSetThroughTheCache() throws DatasetException {
		DigitDataset training = MnistCache.atDefaultLocation().training();
		assertThat(training.size()).isEqualTo(60_000);
		assertThat(training.label(0)).isEqualTo(5);
		for (int digit = 0; digit <= 9; digit++) {
			assertThat(countOf(training.labels(), digit)).isBetween(5_000, 7_000);
		}
	}

	@Test
	void truncatedFileNamesFileAndSizes() throws Exception {
		Path truncated = scratch.resolve("t10k-labels-idx1-ubyte");
		byte[] whole = Files.readAllBytes(mnist.resolve("t10k-labels-idx1-ubyte"));
		Files.write(truncated, Arrays.copyOf(whole, 5000));
		assertThatThrownBy(() -> IdxReader.readLabels(truncated)).isInstanceOf(DatasetException.class)
				.hasMessage(truncated + ": truncated: the header promises 10008 bytes, the file has 5000");
	}

	@Test
	void truncatedHeaderIsReported() throws Exception {
		Path stub = Files.write(scratch.resolve("stub"), new byte[] { 0, 0, 8, 3, 0 });
		assertThatThrownBy(() -> IdxReader.readImages(stub)).hasMessage(stub + ": truncated IDX header");
	}

	@Test
	void wrongKindOfFileIsRefused() {
		Path labels = mnist.resolve("t10k-labels-idx1-ubyte");
		assertThatThrownBy(() -> IdxReader.readImages(labels))
				.hasMessageContaining("not an IDX image file (magic number 0x00000801, expected 0x00000803)")
				.hasMessageStartingWith(labels.toString());
	}

	@Test
	void mismatchedPairIsRefused() {
		assertThatThrownBy(() -> IdxReader.readDataset("mixed", mnist.resolve("t10k-images-idx3-ubyte"),
				mnist.resolve("train-labels-idx1-ubyte"))).hasMessageContaining("holds 10000 images but")
				.hasMessageContaining("holds 60000 labels");
	}

	@Test
	void missingFileIsNamed() {
		Path missing = scratch.resolve("nothing-here");
		assertThatThrownBy(() -> IdxReader.readLabels(missing)).hasMessage(missing + ": no such file");
	}

	private static int countOf(byte[] labels, int digit) {
		int n = 0;
		for (byte label : labels) {
			if (label == digit) {
				n++;
			}
		}
		return n;
	}
}
