package com.digitdesk.api.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.ObjectMethods;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Lets the class loaders of stopped bundles go on Java 17. A record's {@code equals}, {@code hashCode} and
 * {@code toString} are made on first call by {@link ObjectMethods}, which adapts four method handles the JDK
 * keeps in static fields to the record's types; Java 17 caches the last adaptation strongly in each of them
 * (JDK-8078641, fixed in Java 18). So the record last linked in the JVM keeps its bundle's class loader, and all
 * it loaded, reachable after the bundle is updated or uninstalled. Whenever a bundle stops, and when this one
 * does, the four handles are adapted once more to JDK types, which replaces what they cached.
 */
public final class RecordMethodCaches implements BundleActivator, SynchronousBundleListener {

	@Override
	public void start(BundleContext context) {
		context.addBundleListener(this);
	}

	@Override
	public void stop(BundleContext context) {
		context.removeBundleListener(this);
		release();
	}

	@Override
	public void bundleChanged(BundleEvent event) {
		if (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED) {
			release();
		}
	}

	/**
	 * Links the three record methods for a JDK type, {@code String} as receiver with one {@code String}
	 * component: the handles' caches then hold JDK types only.
	 */
	static void release() {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			MethodHandle component = lookup.findVirtual(String.class, "toString", MethodType.methodType(String.class));
			for (String method : new String[] { "equals", "hashCode", "toString" }) {
				ObjectMethods.bootstrap(lookup, method, MethodHandle.class, String.class, "value", component);
			}
		} catch (Throwable e) {
			// A later JDK that checks more (or caches differently) needs none of this.
		}
	}
}
