package com.digitdesk.intake;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** Where the workstation keeps its data: framework property {@code digitdesk.data}, else ./data. */
final class DataDirectory {

	static final String PROPERTY = "digitdesk.data";

	private DataDirectory() {
	}

	static Path of(BundleContext context) {
		String configured = context.getProperty(PROPERTY);
		return Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath();
	}
}
