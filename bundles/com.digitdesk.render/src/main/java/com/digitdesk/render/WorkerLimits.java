package com.digitdesk.render;

import java.time.Duration;

/** What one PDF file may cost a worker process before the worker is stopped and the file given up. */
record WorkerLimits(int heapMegabytes, int memoryMegabytes, int scratchMegabytes, Duration step) {

	WorkerLimits {
		if (heapMegabytes < 64 || memoryMegabytes < heapMegabytes || scratchMegabytes < 1 || step.isNegative()
				|| step.isZero()) {
			throw new IllegalArgumentException("worker limits out of range: heap " + heapMegabytes + " MB, memory "
					+ memoryMegabytes + " MB (at least the heap), scratch " + scratchMegabytes + " MB, step " + step);
		}
	}

	static WorkerLimits of(RendererConfiguration configuration) {
		return new WorkerLimits(configuration.workerHeapMegabytes(), configuration.workerMemoryMegabytes(),
				configuration.workerScratchMegabytes(), Duration.ofSeconds(configuration.stepSeconds()));
	}
}
