package com.digitdesk.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.training.DigitDataset;

class IdxWriterTest {

	@TempDir
	Path scratch;

	@Test
	void writtenFilesReadBackAsTheSameDigits() throws Exception {
		MnistCache mnist = MnistCache.atDefaultLocation();
		DigitDataset some = mnist.split(mnist.test(), 300, 1).heldOut();
		Path images = scratch.resolve("glyphs-images-idx3-ubyte");
		Path labels = scratch.resolve("glyphs-labels-idx1-ubyte");

		mnist.write(some, images, labels);
		DigitDataset back = mnist.read("glyphs", images, labels);

		assertThat(back.size()).isEqualTo(300);
		assertThat(back.labels()).isEqualTo(some.labels());
		for (int i = 0; i < back.size(); i += 37) {
			assertThat(back.image(i).pixels()).isEqualTo(some.image(i).pixels());
		}
		// Same layout as MNIST's own files: 16-byte header, then the pixels.
		assertThat(Files.size(images)).isEqualTo(16 + 300 * 784);
		assertThat(Files.size(labels)).isEqualTo(8 + 300);
		try (var files = Files.list(scratch)) {
			assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
		}
	}
}
