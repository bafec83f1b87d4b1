package com.digitdesk.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Render workers kept for the next file: one per thread that reads a file at
 * a time, started when first needed, stopped after a minute unused or when
 * one failed.
 */
final class RenderWorkerPool implements AutoCloseable {

	/** Workers unused this long are stopped: a workstation between imports holds none. */
	private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

	private record Idle(RenderWorkerProcess worker, long since) {
	}

	private final Callable<List<String>> commandSource;
	/** The java command line, made by the first {@link #take()}. */
	private List<String> command;
	private final Path scratchRoot;
	private final WorkerLimits limits;
	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(work -> {
		Thread thread = new Thread(work, "digitdesk-render-watchdog");
		thread.setDaemon(true);
		return thread;
	});
	private final Deque<Idle> idle = new ArrayDeque<>();
	private boolean closed;

	/**
	 * @param command makes the java command line that runs {@link RenderWorkerMain}, once, when the first
	 *        worker is started
	 * @param scratchRoot where each worker gets a temporary directory of its own
	 */
	RenderWorkerPool(Callable<List<String>> command, Path scratchRoot, WorkerLimits limits) {
		this.commandSource = command;
		this.scratchRoot = scratchRoot;
		this.limits = limits;
		watchdog.scheduleWithFixedDelay(this::stopUnused, 10, 10, TimeUnit.SECONDS);
	}

	/** An idle worker, or a new one. */
	RenderWorkerProcess take() throws IOException {
		synchronized (idle) {
			if (closed) {
				throw new IllegalStateException("the renderer has been stopped");
			}
			while (!idle.isEmpty()) {
				RenderWorkerProcess worker = idle.removeLast().worker();
				if (worker.usable()) {
					return worker;
				}
				worker.stop();
			}
		}
		Files.createDirectories(scratchRoot);
		return RenderWorkerProcess.start(command(), Files.createTempDirectory(scratchRoot, "worker-"), limits,
				watchdog);
	}

	private synchronized List<String> command() throws IOException {
		if (command == null) {
			try {
				command = List.copyOf(commandSource.call());
			} catch (IOException | RuntimeException e) {
				throw e;
			} catch (Exception e) {
				throw new IOException(e);
			}
		}
		return command;
	}

	/** Back to the pool when it can be used again; stopped otherwise. */
	void give(RenderWorkerProcess worker) {
		synchronized (idle) {
			if (!closed && worker.usable()) {
				idle.addLast(new Idle(worker, System.nanoTime()));
				return;
			}
		}
		worker.stop();
	}

	private void stopUnused() {
		List<RenderWorkerProcess> unused = new ArrayList<>();
		synchronized (idle) {
			long now = System.nanoTime();
			idle.removeIf(entry -> {
				boolean old = now - entry.since() > IDLE_NANOS;
				if (old) {
					unused.add(entry.worker());
				}
				return old;
			});
		}
		unused.forEach(RenderWorkerProcess::stop);
	}

	/** Stops every idle worker; those in use stop when given back. */
	@Override
	public void close() {
		List<RenderWorkerProcess> all = new ArrayList<>();
		synchronized (idle) {
			closed = true;
			idle.forEach(entry -> all.add(entry.worker()));
			idle.clear();
		}
		all.forEach(RenderWorkerProcess::stop);
		watchdog.shutdownNow();
	}
}
