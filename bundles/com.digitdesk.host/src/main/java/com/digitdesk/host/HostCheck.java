package com.digitdesk.host;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Names what the framework lacks of what DigitDesk needs, on standard error, when DigitDesk is installed
 * and whenever a bundle comes or goes until it has it all: an admin who drops a feature into a framework
 * without Declarative Services reads which bundle is missing instead of finding DigitDesk's bundles
 * silently INSTALLED. Needs nothing itself but the framework (compiled for Java 8, it also starts on a
 * Java too old for DigitDesk and says so).
 */
public final class HostCheck implements BundleActivator, SynchronousBundleListener {

	/** What DigitDesk needs of a host: a namespace, the capability's name, its least version, and what to install. */
	private static final String[][] NEEDS = {
			{ "osgi.extender", "osgi.component", "1.4.0",
					"Declarative Services 1.4 (a bundle providing osgi.extender=osgi.component, e.g. org.apache.felix.scr "
							+ "with org.osgi.util.promise and org.osgi.util.function)" },
			{ "osgi.wiring.package", "org.osgi.service.cm", "1.6.0",
					"Configuration Admin 1.6 (package org.osgi.service.cm and its service, e.g. org.apache.felix.configadmin "
							+ "or org.eclipse.equinox.cm)" },
			{ "osgi.wiring.package", "org.slf4j", "2.0.0",
					"SLF4J 2 (package org.slf4j 2.x with a logging backend, e.g. Pax Logging: pax-logging-api and "
							+ "pax-logging-log4j2)" } };

	private BundleContext context;
	private String reported = "";

	@Override
	public void start(BundleContext context) {
		this.context = context;
		context.addBundleListener(this);
		check();
	}

	@Override
	public void stop(BundleContext context) {
		context.removeBundleListener(this);
	}

	@Override
	public void bundleChanged(BundleEvent event) {
		int type = event.getType();
		if (type == BundleEvent.INSTALLED || type == BundleEvent.RESOLVED || type == BundleEvent.UNINSTALLED
				|| type == BundleEvent.UNRESOLVED) {
			check();
		}
	}

	/** Says what is missing when that changes, and once that nothing is any more. */
	private synchronized void check() {
		List<String> missing = missing();
		String now = String.join("\n", missing);
		if (now.equals(reported)) {
			return;
		}
		if (missing.isEmpty()) {
			System.err.println("DigitDesk: this framework now has what DigitDesk needs.");
		} else {
			StringBuilder message = new StringBuilder("DigitDesk: this framework lacks what DigitDesk needs; its "
					+ "bundles stay INSTALLED until it has it (the feature digitdesk-host holds all of it):");
			for (String need : missing) {
				message.append("\n  - ").append(need);
			}
			System.err.println(message);
		}
		reported = now;
	}

	private List<String> missing() {
		List<String> missing = new ArrayList<String>();
		String java = System.getProperty("java.specification.version", "0");
		int major = java.startsWith("1.") ? Integer.parseInt(java.substring(2)) : Integer.parseInt(java.split("\\.")[0]);
		if (major < 17) {
			missing.add("Java 17 or newer (this framework runs on Java " + java + ")");
		}
		for (String[] need : NEEDS) {
			if (!provided(need[0], need[1], new Version(need[2]))) {
				missing.add(need[3]);
			}
		}
		return missing;
	}

	/** Whether a bundle of the framework (the framework itself too) provides the capability, resolved or not. */
	private boolean provided(String namespace, String name, Version least) {
		for (Bundle bundle : context.getBundles()) {
			if (bundle.getState() == Bundle.UNINSTALLED) {
				continue;
			}
			BundleRevision revision = bundle.adapt(BundleRevision.class);
			if (revision == null) {
				continue;
			}
			for (BundleCapability capability : revision.getDeclaredCapabilities(namespace)) {
				Object value = capability.getAttributes().get(namespace);
				Object version = capability.getAttributes().get("version");
				if (name.equals(value) && (!(version instanceof Version) || ((Version) version).compareTo(least) >= 0)) {
					return true;
				}
			}
		}
		return false;
	}
}
