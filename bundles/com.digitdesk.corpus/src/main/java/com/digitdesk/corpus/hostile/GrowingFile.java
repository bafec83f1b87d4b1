package com.digitdesk.corpus.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A file being written slowly, a few kilobytes at a time, from a daemon
 * thread: what an import meets when a scanner or a copy is still writing
 * into the folder it reads.
 */
public final class GrowingFile implements AutoCloseable {

	/** Bytes written at a time. */
	static final int CHUNK = 4096;

	private final Path file;
	private final CompletableFuture<Path> whole = new CompletableFuture<>();
	private final Thread writer;

	GrowingFile(Path file, byte[] content, Duration duration) {
		this.file = file;
		int chunks = Math.max(1, (content.length + CHUNK - 1) / CHUNK);
		long pauseNanos = duration.toNanos() / chunks;
		writer = new Thread(() -> write(content, pauseNanos), "growing " + file.getFileName());
		writer.setDaemon(true);
	}

	GrowingFile start() {
		writer.start();
		return this;
	}

	private void write(byte[] content, long pauseNanos) {
		try (OutputStream out = Files.newOutputStream(file)) {
			for (int offset = 0; offset < content.length; offset += CHUNK) {
				out.write(content, offset, Math.min(CHUNK, content.length - offset));
				out.flush();
				if (offset + CHUNK < content.length) {
					TimeUnit.NANOSECONDS.sleep(pauseNanos);
				}
			}
			out.close();
			whole.complete(file);
		} catch (ClosedByInterruptException e) {
			whole.completeExceptionally(new IOException("writing " + file + " was stopped before the end", e));
		} catch (IOException | RuntimeException e) {
			whole.completeExceptionally(e);
		} catch (InterruptedException e) {
			whole.completeExceptionally(new IOException("writing " + file + " was stopped before the end", e));
		}
	}

	public Path file() {
		return file;
	}

	/** Whether the whole content has been written. */
	public boolean isWhole() {
		return whole.isDone() && !whole.isCompletedExceptionally();
	}

	/**
	 * Waits until the whole content is written.
	 *
	 * @throws IOException when writing failed or was stopped
	 * @throws TimeoutException when it is still being written after {@code timeout}
	 */
	public Path awaitWhole(Duration timeout) throws IOException, InterruptedException, TimeoutException {
		try {
			return whole.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
		}
	}

	/** Stops writing, leaving the file as far as it got. */
	@Override
	public void close() throws InterruptedException {
		writer.interrupt();
		writer.join();
	}
}
