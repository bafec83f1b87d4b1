package com.digitdesk.nd4j;

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

	@Override
	public void stop(BundleContext context) {
		// ND4J keeps its static state until the framework stops; nothing to undo.
	}
}
