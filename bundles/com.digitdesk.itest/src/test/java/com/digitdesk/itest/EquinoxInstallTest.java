package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * The feature digitdesk-http installed into Eclipse Equinox (org.eclipse.osgi from Maven Central) with the
 * bundles an Equinox workstation has: Felix SCR with the DS API, Equinox Configuration Admin, Metatype and
 * Event Admin with their API bundles, the Equinox console on Gogo, Felix FileInstall; and an SLF4J backend,
 * the two Pax Logging bundles of digitdesk-host (not its SCR or Configuration Admin: Equinox has its own).
 * The same life as on Felix: dropped in, running, an import through the shell, a bundle updated in place,
 * removed without a trace; and the recognition service over HTTP while it runs.
 */
@ExtendWith({ BundleContextExtension.class, org.osgi.test.junit5.service.ServiceExtension.class })
class EquinoxInstallTest {

	/** The workstation's bundles, in start order. */
	static final List<String> WORKSTATION = List.of("org.osgi.util.function", "org.osgi.util.promise",
			"org.osgi.service.component", "org.osgi.service.cm", "org.osgi.service.metatype", "org.osgi.service.event",
			"org.osgi.service.coordinator", "org.eclipse.equinox.common", "org.apache.felix.gogo.runtime",
			"org.apache.felix.gogo.command", "org.apache.felix.gogo.shell", "org.eclipse.equinox.console",
			"org.apache.felix.scr", "org.eclipse.equinox.cm", "org.eclipse.equinox.metatype", "org.eclipse.equinox.event");

	@Test
	void aFeatureDroppedIntoEquinoxRunsServesIsUpdatedInPlaceAndGoesWithItsThreads(
			@InjectBundleContext BundleContext context, @InjectService com.digitdesk.api.training.MnistDatasets mnist,
			@TempDir Path work) throws Exception {
		Path stock = Path.of(context.getProperty("digitdesk.stock.frameworks"));
		Path features = Path.of(context.getProperty("digitdesk.features"));
		Path equinox = Files.createDirectories(work.resolve("equinox"));
		Path plugins = Files.createDirectories(equinox.resolve("plugins"));
		StockFramework.copyFolder(stock.resolve("equinox"), plugins);
		Files.copy(stock.resolve("org.apache.felix.fileinstall.jar"), plugins.resolve("org.apache.felix.fileinstall.jar"));
		List<String> start = new java.util.ArrayList<>(WORKSTATION);
		try (var host = Files.list(features.resolve("digitdesk-host"))) {
			for (Path pax : host.filter(f -> f.getFileName().toString().startsWith("pax-logging-")).sorted().toList()) {
				Files.copy(pax, plugins.resolve(pax.getFileName()));
				start.add(pax.getFileName().toString().replace(".jar", ""));
			}
		}
		start.add("org.apache.felix.fileinstall");
		Path watch = Files.createDirectories(equinox.resolve("watch"));
		Path configuration = Files.createDirectories(equinox.resolve("configuration"));
		Path logging = Files.writeString(equinox.resolve("logging.properties"), FeatureLifecycle.LOGGING);
		Files.writeString(configuration.resolve("config.ini"), "osgi.bundles="
				+ start.stream().map(b -> "reference:file:" + plugins.resolve(b + ".jar") + "@start")
						.collect(Collectors.joining(","))
				+ "\nosgi.bundles.defaultStartLevel=4\neclipse.ignoreApp=true\nosgi.noShutdown=true"
				+ FeatureLifecycle.frameworkProperties(watch, logging, work.resolve("data")));
		com.digitdesk.api.training.DigitDataset test = mnist.test();
		byte[] digit = HttpApi.picture(test.image(1), 3, true, "png");
		int label = test.label(1);
		Path pdfs = work.resolve("pdfs");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", pdfs.toString(), "--pages", "3", "--seed",
				"6062")).isZero();

		List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Djava.awt.headless=true",
				"-Xmx1g", FeatureLifecycle.SOFT_REFERENCES_CLEARED, "-jar", plugins.resolve("org.eclipse.osgi.jar").toString(), "-console", "-configuration",
				configuration.toString());
		try (StockFramework framework = StockFramework.start(equinox, command)) {
			framework.awaitBundles(b -> b.stream().anyMatch(l -> l.name().equals("org.eclipse.equinox.cm")
					&& l.state().equals("Active")), Duration.ofSeconds(60), "Equinox Configuration Admin active");
			// the API on a port free here (the shipped sample says 8765)
			int port;
			try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
				port = free.getLocalPort();
			}
			Path settings = Files.createDirectories(work.resolve("settings"));
			Files.writeString(settings.resolve("com.digitdesk.http.cfg"), "port = " + port + "\nbind = 127.0.0.1\n");
			// On Equinox the JVM keeps the classes of Felix HTTP's Jetty server (and the servlet API and
			// FileUpload it links against) loaded after removal, although a heap dump shows no reference left
			// to its class loader; Felix HTTP's jars alone do the same in a bare Equinox, and go on Felix.
			// Counted and printed, not asserted.
			Set<String> jettyServer = Set.of("org.apache.felix.http.jetty12", "org.apache.felix.http.servlet-api",
					"org.apache.commons.commons-fileupload");
			FeatureLifecycle.run("EquinoxInstallTest", framework, List.of(plugins), watch,
					features.resolve("digitdesk-http"), settings, pdfs, jettyServer, () -> {
						String token = Files.readString(work.resolve("data/http.token")).strip();
						HttpApi.Answer read = HttpApi.at("http://127.0.0.1:" + port + "/", token).post("api/v1/digits",
								"image/png", digit);
						assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
						assertThat(read.body().path("results").get(0).path("digit").asInt()).isEqualTo(label);
					});
		}
	}
}
