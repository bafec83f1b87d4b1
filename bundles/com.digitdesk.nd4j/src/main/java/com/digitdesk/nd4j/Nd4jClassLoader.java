package com.digitdesk.nd4j;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.common.config.ND4JClassLoading;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Points ND4J at this bundle's class loader when the bundle starts. ND4J
 * finds its backend and its operations with ServiceLoader on the class loader
 * it captured first (normally the thread's context class loader, which inside
 * OSGi belongs to whichever bundle happens to touch ND4J first); the backend
 * and its natives live here, so this is the loader that sees them.
 */
public final class Nd4jClassLoader implements BundleActivator {

	@Override
	public void start(BundleContext context) {
		ND4JClassLoading.setNd4jClassloader(Nd4jClassLoader.class.getClassLoader());
	}

	/**
	 * Ends the threads ND4J and JavaCPP started of their own classes (JavaCPP's deallocator, ND4J's
	 * deallocator service), which they never stop and which end when interrupted: left running, they would
	 * keep this bundle's class loader, and all it loaded, after the bundle is gone (an update, an uninstall).
	 */
	@Override
	public void stop(BundleContext context) throws InterruptedException {
		ClassLoader own = Nd4jClassLoader.class.getClassLoader();
		List<Thread> ours = new ArrayList<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getClass().getClassLoader() == own) {
				thread.interrupt();
				ours.add(thread);
			}
		}
		for (Thread thread : ours) {
			thread.join(2_000);
		}
	}
}
