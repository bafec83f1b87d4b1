package com.digitdesk.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times Poppler's {@code pdftoppm -r 300 -gray} on a PDF: the peer our
 * render-to-glyphs time is measured against, in the same run on the same
 * files.
 */
final class PdftoppmTimer {

	/** True if pdftoppm can be run here. */
	static boolean available() {
		try {
			Process process = new ProcessBuilder("pdftoppm", "-v").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(10, TimeUnit.SECONDS);
		} catch (IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Renders every page of {@code pdf}; returns the wall time in nanoseconds. */
	long time(Path pdf) throws IOException, InterruptedException {
		Path out = Files.createTempDirectory("digitdesk-pdftoppm");
		try {
			long start = System.nanoTime();
			Process process = new ProcessBuilder("pdftoppm", "-r", "300", "-gray", pdf.toString(),
					out.resolve("page").toString()).redirectErrorStream(true).start();
			byte[] messages = process.getInputStream().readAllBytes();
			int status = process.waitFor();
			long elapsed = System.nanoTime() - start;
			if (status != 0) {
				throw new IOException("pdftoppm failed on " + pdf + ": " + new String(messages).trim());
			}
			return elapsed;
		} finally {
			try (Stream<Path> files = Files.walk(out)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}
}
