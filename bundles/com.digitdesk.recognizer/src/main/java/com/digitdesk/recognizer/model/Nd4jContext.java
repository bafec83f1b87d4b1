package com.digitdesk.recognizer.model;

import java.util.concurrent.Callable;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs ND4J code with ND4J's own class loader as the thread's context class
 * loader. ND4J lives in a library bundle of its own, which points ND4J at its
 * class loader when it starts; some ND4J code still looks things up on the
 * context class loader, which inside OSGi belongs to whoever calls.
 */
public final class Nd4jContext {

	private static final ClassLoader ND4J = Nd4j.class.getClassLoader();

	private Nd4jContext() {
	}

	public static <T> T call(Callable<T> work) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(ND4J);
		try {
			return work.call();
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * Builds a graph's gradient function before training, with SameDiff's
	 * line for every differentiated op sent to standard error: standard
	 * output stays the command's result.
	 */
	public static void buildGradientsQuietly(org.nd4j.autodiff.samediff.SameDiff graph) throws Exception {
		java.io.PrintStream out = System.out;
		System.setOut(System.err);
		try {
			call(() -> {
				graph.createGradFunction();
				return null;
			});
		} finally {
			System.setOut(out);
		}
	}

	/**
	 * Sets how many native threads one ND4J call may use. Recognition uses one
	 * per worker thread (OpenMP threads spinning against each other cost more
	 * than they give on small batches); training uses the cores.
	 */
	public static void useNativeThreads(int threads) throws Exception {
		call(() -> {
			Nd4j.getEnvironment().setMaxThreads(threads);
			Nd4j.getEnvironment().setMaxMasterThreads(threads);
			Nd4j.factory().blas().setMaxThreads(threads);
			return null;
		});
	}
}
