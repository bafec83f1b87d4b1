package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

import com.fasterxml.jackson.databind.JsonNode;

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
		StockFramework.unzip(stock.resolve("felix-distribution.zip"), work);
		Path felix;
		try (var unpacked = Files.list(work)) {
			felix = unpacked.filter(p -> p.getFileName().toString().startsWith("felix-framework")).findFirst().orElseThrow();
		}
		// as an admin prepares it: FileInstall and what DigitDesk needs of a framework in bundle/
		Files.copy(stock.resolve("org.apache.felix.fileinstall.jar"), felix.resolve("bundle/org.apache.felix.fileinstall.jar"));
		StockFramework.copyFolder(features.resolve("digitdesk-host"), felix.resolve("bundle"));
		Files.deleteIfExists(felix.resolve("bundle/INSTALL"));
		Files.deleteIfExists(felix.resolve("bundle/index.xml"));
		Path watch = Files.createDirectories(felix.resolve("watch"));
		Files.writeString(felix.resolve("conf/logging.properties"), """
				log4j2.rootLogger.level = warn
				log4j2.rootLogger.appenderRef.stderr.ref = stderr
				log4j2.appender.stderr.type = Console
				log4j2.appender.stderr.name = stderr
				log4j2.appender.stderr.target = SYSTEM_ERR
				log4j2.appender.stderr.layout.type = PatternLayout
				log4j2.appender.stderr.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n
				""");
		Files.writeString(felix.resolve("conf/config.properties"), Files.readString(felix.resolve("conf/config.properties"))
				+ "\nfelix.fileinstall.dir=" + watch + "\nfelix.fileinstall.subdir.mode=recurse"
				+ "\nfelix.fileinstall.noInitialDelay=true\nfelix.fileinstall.poll=500"
				+ "\nfelix.fileinstall.optionalImportRefreshScope=managed\ngosh.args=--noshutdown"
				+ "\norg.ops4j.pax.logging.property.file=conf/logging.properties"
				+ "\norg.ops4j.pax.logging.DefaultServiceLog.level=WARN\ndigitdesk.data=" + work.resolve("data") + "\n");
		Path pdfs = work.resolve("pdfs");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", pdfs.toString(), "--pages", "3", "--seed",
				"6061")).isZero();

		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Djava.awt.headless=true", "-Xmx1g"));
		command.addAll(FELIX6_ON_JAVA17);
		command.addAll(List.of("-jar", "bin/felix.jar"));
		try (StockFramework framework = StockFramework.start(felix, command)) {
			framework.awaitBundles(b -> b.stream().anyMatch(l -> l.name().equals("org.apache.felix.scr")
					&& l.state().equals("Active")), Duration.ofSeconds(60), "the host's Declarative Services active");

			// dropped in as a folder: every bundle of the feature active
			Path installed = watch.resolve("digitdesk-core");
			StockFramework.copyFolder(core, installed);
			long jars;
			try (var files = Files.list(core)) {
				jars = files.filter(f -> f.toString().endsWith(".jar")).count();
			}
			List<StockFramework.Listed> running = framework.awaitBundles(b -> featureBundles(b).size() == jars
					&& featureBundles(b).stream().allMatch(l -> l.state().equals("Active")), Duration.ofSeconds(180),
					"all " + jars + " bundles of digitdesk-core active");
			String status = framework.shell("digitdesk:run status", Duration.ofSeconds(120));
			assertThat(status).as(status).contains("OK: all").contains("components satisfied");

			// a real import through the framework's own shell
			String imported = framework.shell("digitdesk:run import --json " + pdfs, Duration.ofSeconds(300));
			JsonNode report = HttpApi.JSON.readTree(imported.substring(imported.indexOf('{'), imported.lastIndexOf('}') + 1));
			assertThat(report.path("pages").asInt()).as(imported).isEqualTo(3);
			assertThat(report.path("failed").asInt()).isZero();
			assertThat(report.path("fields").asInt()).isPositive();
			assertThat(report.path("auto_accepted").asInt()).isPositive();

			// a newer build of one bundle, updated in place: same bundle id, new version, still active
			StockFramework.Listed export = find(running, "com.digitdesk.export").orElseThrow();
			Path exportJar;
			try (var files = Files.list(installed)) {
				exportJar = files.filter(f -> f.getFileName().toString().startsWith("com.digitdesk.export-")).findFirst()
						.orElseThrow();
			}
			StockFramework.newerBuild(exportJar, "0.1.1.newer");
			framework.awaitBundles(b -> find(b, "com.digitdesk.export").filter(l -> l.id() == export.id()
					&& l.version().equals("0.1.1.newer") && l.state().equals("Active")).isPresent(), Duration.ofSeconds(60),
					"com.digitdesk.export updated in place");
			String csv = framework.shell("digitdesk:run export --format csv", Duration.ofSeconds(60));
			assertThat(csv).contains("source_file").contains("form-0000");
			assertThat(framework.shell("digitdesk:run status", Duration.ofSeconds(60))).contains("OK: all");

			// removed: every bundle of it gone, the framework goes on, no thread of DigitDesk's left
			StockFramework.delete(installed);
			List<StockFramework.Listed> after = framework.awaitBundles(b -> featureBundles(b).isEmpty(),
					Duration.ofSeconds(120), "the feature's bundles gone");
			assertThat(after).filteredOn(l -> !l.state().equals("Active")).as("the framework's own bundles").isEmpty();
			assertThat(framework.shell("echo still-here", Duration.ofSeconds(10))).contains("still-here");
			Thread.sleep(2_000);
			assertThat(framework.threads()).as("threads left").noneMatch(FelixInstallTest::digitDeskThread);
			Map<String, Long> live = framework.liveClasses("com.digitdesk.");
			System.out.println("FelixInstallTest: DigitDesk classes with live instances after removal: " + live);
			assertThat(framework.alive()).isTrue();
		}
	}

	/** The bundles that came with the feature (all but the framework's and the host's). */
	static List<StockFramework.Listed> featureBundles(List<StockFramework.Listed> bundles) {
		return bundles.stream().filter(l -> l.name().startsWith("com.digitdesk.") || l.name().startsWith("com.fasterxml.")
				|| l.name().startsWith("org.apache.pdfbox") || l.name().equals("com.h2database")
				|| l.name().equals("org.postgresql.jdbc") || l.name().equals("com.sun.jna")
				|| l.name().equals("com.zaxxer.HikariCP") || l.name().equals("org.osgi.service.jdbc")
				|| l.name().equals("org.apache.commons.commons-logging")).toList();
	}

	static Optional<StockFramework.Listed> find(List<StockFramework.Listed> bundles, String name) {
		return bundles.stream().filter(l -> l.name().equals(name)).findFirst();
	}

	/** Threads DigitDesk starts, or the libraries inside its bundles start. */
	static boolean digitDeskThread(String name) {
		return name.startsWith("digitdesk") || name.startsWith("digit-recognizer") || name.startsWith("JavaCPP")
				|| name.startsWith("DeallocatorServiceThread") || name.contains("HikariPool") || name.startsWith("H2 ")
				|| name.startsWith("MVStore");
	}
}
