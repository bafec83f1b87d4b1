package com.digitdesk.render;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.RenderedPage;

/**
 * One render worker process seen from the importer: sends it requests and
 * reads its replies, and stops it when a step takes too long or uses too much
 * memory or scratch space. A worker that failed, ended or was stopped is not
 * used again.
 */
final class RenderWorkerProcess {

	private static final Logger LOG = LoggerFactory.getLogger(RenderWorkerProcess.class);

	/** How often a running step's time, memory and scratch space are looked at. */
	private static final long WATCH_MILLIS = 100;
	/** Lines of the worker's standard error kept to explain its end. */
	private static final int KEPT_LINES = 20;

	/** Reads a reply after its {@link WorkerProtocol#OK}; the stream is the worker's standard output. */
	interface Reply<T> {
		T read(DataInputStream in) throws IOException;
	}

	/** Writes a request; the stream is the worker's standard input. */
	interface Request {
		void write(DataOutputStream out) throws IOException;
	}

	private final Process process;
	private final Path scratch;
	private final WorkerLimits limits;
	private final ScheduledExecutorService watchdog;
	private final DataOutputStream out;
	private final DataInputStream in;
	private final Deque<String> lastLines = new ArrayDeque<>();
	/** Why the watchdog stopped the worker, said as the end of "... was stopped: " */
	private volatile String stopped;
	private boolean usable = true;

	private RenderWorkerProcess(Process process, Path scratch, WorkerLimits limits, ScheduledExecutorService watchdog) {
		this.process = process;
		this.scratch = scratch;
		this.limits = limits;
		this.watchdog = watchdog;
		this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
		this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
		Thread errors = new Thread(this::drainErrors, "digitdesk-render-worker-" + process.pid() + "-stderr");
		errors.setDaemon(true);
		errors.start();
	}

	/**
	 * Starts a worker.
	 *
	 * @param command the java command line, without the scratch directory
	 * @param scratch an empty directory of its own, its temporary directory; removed when it ends
	 */
	static RenderWorkerProcess start(List<String> command, Path scratch, WorkerLimits limits,
			ScheduledExecutorService watchdog) throws IOException {
		List<String> line = new ArrayList<>(command);
		line.add(1, "-Djava.io.tmpdir=" + scratch);
		Process process = new ProcessBuilder(line).start();
		LOG.debug("Started render worker {}", process.pid());
		return new RenderWorkerProcess(process, scratch, limits, watchdog);
	}

	/** Whether it can take another request: alive, and nothing went wrong. */
	boolean usable() {
		return usable && process.isAlive();
	}

	/**
	 * One request and its reply, within the step's time, memory and scratch
	 * limits. Failures name the file, and the page when {@code pageIndex} is not
	 * negative.
	 */
	<T> T call(Path file, int pageIndex, String step, Request request, Reply<T> reply) throws DocumentException {
		if (!usable()) {
			throw failure(file, pageIndex, "cannot be read: its render worker had already ended", null);
		}
		long start = System.nanoTime();
		ScheduledFuture<?> watch = watchdog.scheduleWithFixedDelay(() -> watch(start, step), WATCH_MILLIS,
				WATCH_MILLIS, TimeUnit.MILLISECONDS);
		try {
			request.write(out);
			out.flush();
			if (in.readByte() == WorkerProtocol.FAILED) {
				WorkerProtocol.Failure failure = WorkerProtocol.readFailure(in, file);
				// after an error the worker ends by itself: the next file gets a fresh one
				usable &= !failure.workerEnds();
				throw failure.exception();
			}
			return reply.read(in);
		} catch (IOException e) {
			usable = false;
			throw ended(file, pageIndex, e);
		} finally {
			watch.cancel(false);
		}
	}

	/** The worker went away in the middle of a request: stopped by the watchdog, or ended by itself. */
	private DocumentException ended(Path file, int pageIndex, IOException e) {
		stop();
		String reason = stopped;
		if (reason != null) {
			return failure(file, pageIndex, "was stopped: " + reason, e);
		}
		Integer status = exitStatus();
		String last;
		synchronized (lastLines) {
			last = lastLines.isEmpty() ? "" : ": " + String.join(" / ", lastLines);
		}
		return failure(file, pageIndex, "cannot be read: the render worker ended while reading it ("
				+ (status == null ? "no exit status" : "exit status " + status) + ")" + last, e);
	}

	private static DocumentException failure(Path file, int pageIndex, String problem, Throwable cause) {
		return pageIndex < 0 ? new DocumentException(file, problem, cause)
				: new DocumentException(file, pageIndex, problem, cause);
	}

	private Integer exitStatus() {
		try {
			return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** Runs on the watchdog while a request is out: stops the worker when a limit is passed. */
	private void watch(long start, String step) {
		if (stopped != null || !process.isAlive()) {
			return;
		}
		long seconds = limits.step().toSeconds();
		if (System.nanoTime() - start > limits.step().toNanos()) {
			kill(step + " took longer than its time limit of " + seconds + " s");
			return;
		}
		long rss = residentMegabytes();
		if (rss > limits.memoryMegabytes()) {
			kill(step + " used " + rss + " MB of memory, more than its limit of " + limits.memoryMegabytes() + " MB");
			return;
		}
		long scratchUsed = scratchMegabytes();
		if (scratchUsed > limits.scratchMegabytes()) {
			kill(step + " filled more than its limit of " + limits.scratchMegabytes()
					+ " MB of temporary disk space (decoded streams)");
		}
	}

	private void kill(String reason) {
		stopped = reason;
		LOG.debug("Stopping render worker {}: {}", process.pid(), reason);
		process.destroyForcibly();
	}

	/** Resident memory of the worker, from Linux's /proc; 0 where there is none. */
	private long residentMegabytes() {
		try (Stream<String> status = Files.lines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
			return status.filter(line -> line.startsWith("VmRSS:")).findFirst()
					.map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).orElse(0L);
		} catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	private long scratchMegabytes() {
		try (Stream<Path> files = Files.walk(scratch)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> {
				try {
					return Files.size(file);
				} catch (IOException e) {
					return 0; // removed meanwhile
				}
			}).sum() >> 20;
		} catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	private void drainErrors() {
		try (BufferedReader errors = new BufferedReader(
				new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = errors.readLine()) != null) {
				LOG.debug("Render worker {}: {}", process.pid(), line);
				synchronized (lastLines) {
					if (lastLines.size() == KEPT_LINES) {
						lastLines.removeFirst();
					}
					lastLines.addLast(line);
				}
			}
		} catch (IOException e) {
			// the worker ended
		}
	}

	/** Ends the worker (closing its input ends an idle one; one still busy is killed) and removes its scratch. */
	void stop() {
		usable = false;
		try {
			out.close();
		} catch (IOException e) {
			// already gone
		}
		try {
			if (!process.waitFor(2, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		removeScratch();
	}

	private void removeScratch() {
		try (Stream<Path> files = Files.walk(scratch)) {
			files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				} catch (IOException e) {
					LOG.warn("Cannot remove {} of a render worker: {}", path, e.getMessage());
				}
			});
		} catch (IOException e) {
			LOG.warn("Cannot remove the scratch directory {} of a render worker: {}", scratch, e.getMessage());
		}
	}
}
