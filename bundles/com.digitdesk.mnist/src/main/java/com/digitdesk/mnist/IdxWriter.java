package com.digitdesk.mnist;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.training.DatasetException;
import com.digitdesk.api.training.DigitDataset;

/** Writes a labelled set as MNIST's pair of IDX files, each written aside and moved into place. */
final class IdxWriter {

	private IdxWriter() {
	}

	static void write(DigitDataset set, Path images, Path labels) throws DatasetException {
		byte[] pixels = new byte[set.size() * DigitImage.PIXELS];
		set.copyImages(0, set.size(), pixels, 0);
		writeAtomically(images, IdxReader.IMAGES_MAGIC, new int[] { set.size(), DigitImage.SIDE, DigitImage.SIDE },
				pixels);
		writeAtomically(labels, IdxReader.LABELS_MAGIC, new int[] { set.size() }, set.labels());
	}

	private static void writeAtomically(Path file, int magic, int[] dimensions, byte[] body) throws DatasetException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
				out.writeInt(magic);
				for (int dimension : dimensions) {
					out.writeInt(dimension);
				}
				out.write(body);
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new DatasetException(file + ": cannot write: " + e.getMessage(), e);
		}
	}
}
