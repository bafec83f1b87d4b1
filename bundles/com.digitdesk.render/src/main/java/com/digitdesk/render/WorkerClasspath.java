package com.digitdesk.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import com.digitdesk.api.image.GrayImage;

/**
 * The class path of a render worker: this bundle (the worker, the PDFBox
 * page code, the JBIG2 decoder and Commons Logging it embeds), the API
 * bundle, and PDFBox with the bundles it takes its own packages from
 * (pdfbox-io, fontbox). Bundles are not files a JVM can load from in every
 * framework, so each is written out once as a plain jar of its entries.
 */
final class WorkerClasspath {

	private WorkerClasspath() {
	}

	/** The worker's class path inside a framework; jars are written to {@code directory}. */
	static String of(BundleContext context, Path directory) throws IOException {
		Set<Bundle> bundles = new LinkedHashSet<>();
		bundles.add(context.getBundle());
		bundles.add(FrameworkUtil.getBundle(GrayImage.class));
		addWithPdfBoxProviders(FrameworkUtil.getBundle(PDDocument.class), bundles);
		Files.createDirectories(directory);
		List<String> jars = new ArrayList<>();
		for (Bundle bundle : bundles) {
			jars.add(jarOf(bundle, directory).toString());
		}
		return String.join(File.pathSeparator, jars);
	}

	/** The bundle and, recursively, those that give it packages of PDFBox and FontBox. */
	private static void addWithPdfBoxProviders(Bundle bundle, Set<Bundle> bundles) {
		if (bundle == null || !bundles.add(bundle)) {
			return;
		}
		BundleWiring wiring = bundle.adapt(BundleWiring.class);
		if (wiring == null) {
			return;
		}
		for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
			Object name = wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
			if (name instanceof String pkg && (pkg.startsWith("org.apache.pdfbox") || pkg.startsWith("org.apache.fontbox"))) {
				addWithPdfBoxProviders(wire.getProvider().getBundle(), bundles);
			}
		}
	}

	/** The bundle's entries as a jar, written once per bundle revision. */
	private static Path jarOf(Bundle bundle, Path directory) throws IOException {
		Path jar = directory.resolve(bundle.getSymbolicName() + "-" + bundle.getVersion() + "-"
				+ bundle.getLastModified() + ".jar");
		if (Files.isRegularFile(jar)) {
			return jar;
		}
		Path partial = Files.createTempFile(directory, "partial-", ".jar");
		try {
			try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
				Set<String> written = new HashSet<>();
				for (URL entry : Collections.list(bundle.findEntries("/", "*", true))) {
					String name = entry.getPath().replaceFirst("^/+", "");
					if (name.isEmpty() || name.endsWith("/") || name.equals("META-INF/MANIFEST.MF")
							|| !written.add(name)) {
						continue;
					}
					out.putNextEntry(new ZipEntry(name));
					try (InputStream in = entry.openStream()) {
						in.transferTo(out);
					}
					out.closeEntry();
				}
			}
			// whole or not at all: a worker never sees half a jar
			Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(partial);
		}
		return jar;
	}

	/** Outside a framework (unit tests, tools): this JVM's own class path. */
	static String ofThisJvm() {
		return System.getProperty("java.class.path");
	}
}
