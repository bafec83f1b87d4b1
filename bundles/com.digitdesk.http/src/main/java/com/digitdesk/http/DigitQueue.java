package com.digitdesk.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;

/**
 * The digits of all requests on their way to the recognizer: a thread per core reads them in batches (a
 * network reads 64 digits in little more time than one, so many callers' single digits share a batch), and a
 * request that finds more digits waiting than the server clears at once is turned away at the door
 * (503) instead of waiting until its caller gives up.
 */
final class DigitQueue implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(DigitQueue.class);

	private record Job(List<DigitImage> glyphs, CompletableFuture<List<DigitPrediction>> done) {
	}

	private final DigitRecognizer recognizer;
	private final IntSupplier maxWaiting;
	private final IntSupplier batchSize;
	private final ArrayDeque<Job> waiting = new ArrayDeque<>();
	private final List<Thread> readers = new ArrayList<>();
	private int waitingDigits;
	private boolean closed;

	DigitQueue(DigitRecognizer recognizer, IntSupplier maxWaiting, IntSupplier batchSize) {
		this.recognizer = recognizer;
		this.maxWaiting = maxWaiting;
		this.batchSize = batchSize;
		// one reader per core: a batch up to the recognizer's batch size runs on its caller's thread, so two
		// readers keep two cores reading while requests are decoded between them
		for (int i = 1; i <= Runtime.getRuntime().availableProcessors(); i++) {
			Thread reader = new Thread(this::readBatches, "digitdesk-http-recognizer-" + i);
			reader.setDaemon(true);
			reader.start();
			readers.add(reader);
		}
	}

	/**
	 * Queues glyphs for the recognizer.
	 *
	 * @throws ApiError 503 when more digits wait than the configured bound (a request is always taken when
	 *         none wait, however many digits it brings)
	 */
	CompletableFuture<List<DigitPrediction>> submit(List<DigitImage> glyphs) throws ApiError {
		Job job = new Job(List.copyOf(glyphs), new CompletableFuture<>());
		synchronized (waiting) {
			if (closed) {
				throw ApiError.busy("the recognition service is stopping");
			}
			if (waitingDigits > 0 && waitingDigits + glyphs.size() > maxWaiting.getAsInt()) {
				throw ApiError.busy(waitingDigits + " digits are waiting for the recognizer; try again shortly");
			}
			waiting.add(job);
			waitingDigits += glyphs.size();
			waiting.notifyAll();
		}
		return job.done();
	}

	private void readBatches() {
		while (true) {
			List<Job> batch = new ArrayList<>();
			synchronized (waiting) {
				while (waiting.isEmpty() && !closed) {
					try {
						waiting.wait();
					} catch (InterruptedException e) {
						closed = true;
					}
				}
				if (closed && waiting.isEmpty()) {
					return;
				}
				int digits = 0;
				int most = Math.max(1, batchSize.getAsInt());
				// at least one job, then whole jobs while they fit the batch
				while (!waiting.isEmpty() && (batch.isEmpty() || digits + waiting.peek().glyphs().size() <= most)) {
					Job job = waiting.poll();
					digits += job.glyphs().size();
					batch.add(job);
				}
				waitingDigits -= digits;
			}
			read(batch);
		}
	}

	private void read(List<Job> batch) {
		List<DigitImage> glyphs = new ArrayList<>();
		batch.forEach(job -> glyphs.addAll(job.glyphs()));
		try {
			List<DigitPrediction> read = recognizer.recognize(glyphs);
			int from = 0;
			for (Job job : batch) {
				int to = from + job.glyphs().size();
				job.done().complete(read.subList(from, to));
				from = to;
			}
		} catch (RecognitionException | RuntimeException e) {
			LOG.warn("the recognizer failed on a batch of {} digits: {}", glyphs.size(), e.toString());
			batch.forEach(job -> job.done().completeExceptionally(e));
		}
	}

	@Override
	public void close() {
		synchronized (waiting) {
			closed = true;
			waiting.notifyAll();
		}
		try {
			for (Thread reader : readers) {
				reader.join(10_000);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
