package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * The feature digitdesk-core installed as an admin installs it into Apache Felix's own distribution (from
 * Maven Central, OSGi R7), with Felix FileInstall and the feature digitdesk-host added to its bundle folder:
 * dropped into the watched folder it starts, every bundle active and every component satisfied; an import
 * runs through Felix's Gogo shell; a newer build of one bundle dropped over the old one is updated in
 * place; the feature's folder removed, its bundles go and leave no thread of theirs behind, while the
 * framework goes on.
 */
@ExtendWith(BundleContextExtension.class)
class FelixInstallTest {

	/** What Felix 6 needs on Java 17 for its URL handlers (its own need, not DigitDesk's). */
	static final List<String> FELIX6_ON_JAVA17 = List.of("--add-opens", "java.base/java.net=ALL-UNNAMED", "--add-opens",
			"java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.net.www.protocol.http=ALL-UNNAMED",
			"--add-opens", "java.base/sun.net.www.protocol.https=ALL-UNNAMED", "--add-opens",
			"java.base/sun.net.www.protocol.file=ALL-UNNAMED", "--add-opens", "java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
			"--add-opens", "java.base/sun.net.www.protocol.jrt=ALL-UNNAMED");

	@Test
	void aFeatureDroppedIntoFelixRunsIsUpdatedInPlaceAndGoesWithItsThreads(@InjectBundleContext BundleContext context,
			@TempDir Path work) throws Exception {
		Path stock = Path.of(context.getProperty("digitdesk.stock.frameworks"));
		Path features = Path.of(context.getProperty("digitdesk.features"));
		Path core = features.resolve("digitdesk-core");
		assertThat(core.resolve("index.xml")).as("the feature is built (mvn package in features/)").exists();
		// as an admin prepares it: FileInstall and what DigitDesk needs of a framework in bundle/
		Path felix = unpackFelix(stock, work, FeatureLifecycle.LOGGING);
		StockFramework.copyFolder(features.resolve("digitdesk-host"), felix.resolve("bundle"));
		Files.deleteIfExists(felix.resolve("bundle/INSTALL"));
		Files.deleteIfExists(felix.resolve("bundle/index.xml"));
		Path pdfs = work.resolve("pdfs");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", pdfs.toString(), "--pages", "3", "--seed",
				"6061")).isZero();

		try (StockFramework framework = StockFramework.start(felix,
				felixCommand("-Xmx1g", FeatureLifecycle.SOFT_REFERENCES_CLEARED))) {
			framework.awaitBundles(b -> b.stream().anyMatch(l -> l.name().equals("org.apache.felix.scr")
					&& l.state().equals("Active")), Duration.ofSeconds(60), "the host's Declarative Services active");
			FeatureLifecycle.run("FelixInstallTest", framework,
					List.of(felix.resolve("bin"), felix.resolve("bundle")), felix.resolve("watch"), core, null, pdfs, Set.of(), () -> {
			});
		}
	}

	@Test
	void aFrameworkWithoutWhatDigitDeskNeedsIsToldWhatItLacks(@InjectBundleContext BundleContext context,
			@TempDir Path work) throws Exception {
		Path stock = Path.of(context.getProperty("digitdesk.stock.frameworks"));
		Path features = Path.of(context.getProperty("digitdesk.features"));
		// FileInstall only: no Declarative Services, no Configuration Admin, no SLF4J
		Path felix = unpackFelix(stock, work, "");
		Path watch = felix.resolve("watch");
		try (StockFramework framework = StockFramework.start(felix, felixCommand())) {
			framework.awaitBundles(b -> b.stream().anyMatch(l -> l.name().equals("org.apache.felix.fileinstall")
					&& l.state().equals("Active")), Duration.ofSeconds(60), "FileInstall active");
			StockFramework.copyFolder(features.resolve("digitdesk-core"), watch.resolve("digitdesk-core"));
			Path err = felix.resolve("framework.err");
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			String said = "";
			while (System.nanoTime() < deadline && !said.contains("SLF4J 2")) {
				Thread.sleep(500);
				said = Files.readString(err);
			}
			assertThat(said).contains("DigitDesk: this framework lacks what DigitDesk needs")
					.contains("Declarative Services 1.4").contains("Configuration Admin 1.6").contains("SLF4J 2")
					.contains("digitdesk-host");
			// and its bundles are left installed, not started, until it has them
			assertThat(FeatureLifecycle.of(framework.bundles(), Set.of("com.digitdesk.cli")))
					.allMatch(l -> l.state().equals("Installed"));
		}
	}

	/**
	 * Felix's distribution unpacked into {@code work}, with FileInstall in bundle/ watching watch/, logging
	 * configured by {@code logging} (Log4j 2 properties, none if empty) and DigitDesk's data in work/data.
	 */
	static Path unpackFelix(Path stock, Path work, String logging) throws IOException {
		StockFramework.unzip(stock.resolve("org.apache.felix.main.distribution.zip"), work);
		Path felix;
		try (var unpacked = Files.list(work)) {
			felix = unpacked.filter(p -> p.getFileName().toString().startsWith("felix-framework")).findFirst().orElseThrow();
		}
		Files.copy(stock.resolve("org.apache.felix.fileinstall.jar"), felix.resolve("bundle/org.apache.felix.fileinstall.jar"));
		Path watch = Files.createDirectories(felix.resolve("watch"));
		Path properties = felix.resolve("conf/logging.properties");
		if (!logging.isEmpty()) {
			Files.writeString(properties, logging);
		}
		Path config = felix.resolve("conf/config.properties");
		Files.writeString(config, Files.readString(config)
				+ FeatureLifecycle.frameworkProperties(watch, properties, work.resolve("data")));
		return felix;
	}

	/** The command that starts Felix from its folder on this JVM's Java, with {@code options} for the JVM. */
	static List<String> felixCommand(String... options) {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Djava.awt.headless=true"));
		command.addAll(List.of(options));
		command.addAll(FELIX6_ON_JAVA17);
		command.addAll(List.of("-jar", "bin/felix.jar"));
		return command;
	}
}
