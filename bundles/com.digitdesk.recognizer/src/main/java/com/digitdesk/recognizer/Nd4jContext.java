package com.digitdesk.recognizer;

import java.util.concurrent.Callable;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs ND4J code with this bundle's class loader. ND4J finds its backend with
 * ServiceLoader on the class loader it captured first (normally the thread's
 * context class loader, which inside OSGi is not ours), so it is pointed at
 * this bundle before the first use and the context class loader is set around
 * every call.
 */
final class Nd4jContext {

	private static boolean initialised;

	private Nd4jContext() {
	}

	static <T> T call(Callable<T> work) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		ClassLoader own = Nd4jContext.class.getClassLoader();
		thread.setContextClassLoader(own);
		try {
			initialise(own);
			return work.call();
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * Sets how many native threads one ND4J call may use. Recognition uses one
	 * per worker thread (OpenMP threads spinning against each other cost more
	 * than they give on small batches); training uses the cores.
	 */
	static void useNativeThreads(int threads) throws Exception {
		call(() -> {
			Nd4j.getEnvironment().setMaxThreads(threads);
			Nd4j.getEnvironment().setMaxMasterThreads(threads);
			Nd4j.factory().blas().setMaxThreads(threads);
			return null;
		});
	}

	private static synchronized void initialise(ClassLoader own) {
		if (!initialised) {
			ND4JClassLoading.setNd4jClassloader(own);
			Nd4j.getBackend();
			initialised = true;
		}
	}
}
