package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an admin does with a feature in a running framework, and what must hold after each step: dropped
 * into the watched folder, every bundle of it active and every component satisfied; an import through the
 * framework's own Gogo shell; a newer build of one bundle dropped over the old one, updated in place; the
 * folder removed, every bundle of it gone, no thread of DigitDesk's and no class loader of its bundles left,
 * the framework going on.
 */
final class FeatureLifecycle {

	private FeatureLifecycle() {
	}

	/**
	 * The JVM option with which each full collection clears all soft references, so that a class loader still
	 * loaded after one is strongly reachable. Without it, what is only softly reachable stays until the JVM
	 * needs the memory: Jackson keeps a buffer recycler per thread that used it (a soft reference in a thread
	 * local), and so keeps jackson-core's class loader softly reachable from the framework's shell thread.
	 */
	static final String SOFT_REFERENCES_CLEARED = "-XX:SoftRefLRUPolicyMSPerMB=0";

	/** What a test checks of the feature while it runs, before it is updated and removed. */
	interface WhileRunning {
		void check() throws Exception;
	}

	/**
	 * Runs the whole life of {@code feature} in {@code framework}, which watches {@code watch} and has its own
	 * jars in {@code hostJars}; the feature's configuration files are taken from {@code configuration} where it
	 * has one of the same name. The classes of the bundles named in {@code unloadingNotAsserted} are counted
	 * after removal, not required to be gone.
	 */
	static void run(String test, StockFramework framework, List<Path> hostJars, Path watch, Path feature,
			Path configuration, Path pdfs, Set<String> unloadingNotAsserted, WhileRunning whileRunning)
			throws Exception {
		Path installed = watch.resolve(feature.getFileName());
		// written whole beside the watched folder and moved in: FileInstall sees the folder complete
		Path staged = watch.resolveSibling(feature.getFileName() + ".staged");
		StockFramework.copyFolder(feature, staged);
		if (configuration != null) {
			StockFramework.copyFolder(configuration, staged);
		}
		Files.move(staged, installed);
		Set<String> names = symbolicNames(feature);
		List<StockFramework.Listed> running = framework.awaitBundles(b -> of(b, names).size() == names.size()
				&& of(b, names).stream().allMatch(l -> l.state().equals("Active")), Duration.ofSeconds(180),
				"all " + names.size() + " bundles of " + feature.getFileName() + " active");
		String status = framework.shell("digitdesk:run status", Duration.ofSeconds(120));
		assertThat(status).as(status).contains("OK: all").contains("components satisfied");

		// a real import (rendering, reading every digit with the network, storing) through the shell
		String imported = framework.shell("digitdesk:run import --json " + pdfs, Duration.ofSeconds(300));
		JsonNode report = HttpApi.JSON.readTree(imported.substring(imported.indexOf('{'), imported.lastIndexOf('}') + 1));
		assertThat(report.path("pages").asInt()).as(imported).isEqualTo(3);
		assertThat(report.path("failed").asInt()).isZero();
		assertThat(report.path("fields").asInt()).isPositive();
		assertThat(report.path("auto_accepted").asInt()).isPositive();
		whileRunning.check();

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

		// removed: every bundle of it gone, the framework goes on
		StockFramework.delete(installed);
		List<StockFramework.Listed> after = framework.awaitBundles(b -> of(b, names).isEmpty(),
				Duration.ofSeconds(120), "the feature's bundles gone");
		assertThat(after).filteredOn(l -> !l.state().equals("Active")).as("the framework's own bundles").isEmpty();
		assertThat(framework.shell("echo still-here", Duration.ofSeconds(10))).contains("still-here");
		// a class name only the feature's jars have (the host may have its own copies of some, e.g. Pax
		// Logging's Commons Logging API), still loaded: a class loader of the feature is still reachable
		Set<String> removedClasses = classNames(feature, bundle -> true);
		for (Path folder : hostJars) {
			removedClasses.removeAll(classNames(folder, bundle -> true));
		}
		Set<String> notAsserted = classNames(feature, unloadingNotAsserted::contains);
		removedClasses.removeAll(notAsserted);
		assertThat(removedClasses).as("classes of the feature's bundles").isNotEmpty();

		// nothing of it left: no thread, no class loader (a loader still strongly reachable keeps its classes
		// loaded through a full collection, see SOFT_REFERENCES_CLEARED). JNA's cleaner thread lingers 30 s
		// after its last native object is gone.
		long removedAt = System.nanoTime();
		long deadline = removedAt + Duration.ofSeconds(150).toNanos();
		List<String> threadsLeft;
		Set<String> loaded;
		Set<String> classesLeft;
		do {
			Thread.sleep(5_000);
			threadsLeft = framework.threads().stream().filter(FeatureLifecycle::digitDeskThread).toList();
			loaded = framework.loadedClasses();
			classesLeft = new TreeSet<>(loaded);
			classesLeft.retainAll(removedClasses);
		} while ((!threadsLeft.isEmpty() || !classesLeft.isEmpty()) && System.nanoTime() < deadline);
		assertThat(threadsLeft).as("threads left").isEmpty();
		assertThat(classesLeft).as("classes of removed bundles still loaded").isEmpty();
		Set<String> notAssertedLeft = new TreeSet<>(loaded);
		notAssertedLeft.retainAll(notAsserted);
		System.out.println(test + ": no thread and no class of the removed feature's " + names.size()
				+ " bundles left " + (System.nanoTime() - removedAt) / 1_000_000_000 + " s after removal"
				+ (unloadingNotAsserted.isEmpty() ? ""
						: "; of " + unloadingNotAsserted + ", " + notAssertedLeft.size() + " classes still loaded"));
		assertThat(framework.alive()).isTrue();
	}

	/**
	 * The names of the classes in the jars in {@code folder} and its subfolders whose bundles' symbolic names
	 * pass {@code bundles}. Classes of jars embedded in a bundle are not listed: their loader is the bundle's,
	 * which keeps the bundle's own classes loaded as long as it lives.
	 */
	static Set<String> classNames(Path folder, Predicate<String> bundles) throws IOException {
		Set<String> classes = new TreeSet<>();
		try (var files = Files.walk(folder)) {
			for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
				try (JarFile file = new JarFile(jar.toFile())) {
					if (!bundles.test(symbolicName(file))) {
						continue;
					}
					file.stream().map(JarEntry::getName)
							.filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("-info.class"))
							.forEach(n -> classes.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
				}
			}
		}
		return classes;
	}

	/** The listed bundles that came with the feature. */
	static List<StockFramework.Listed> of(List<StockFramework.Listed> bundles, Set<String> feature) {
		return bundles.stream().filter(l -> feature.contains(l.name())).toList();
	}

	/** The symbolic names of the bundles in a feature's folder. */
	static Set<String> symbolicNames(Path feature) throws IOException {
		Set<String> names = new TreeSet<>();
		try (var files = Files.list(feature)) {
			for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
				try (JarFile file = new JarFile(jar.toFile())) {
					names.add(symbolicName(file));
				}
			}
		}
		return names;
	}

	static String symbolicName(JarFile jar) throws IOException {
		String name = jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
		return name == null ? "" : name.split(";")[0].strip();
	}

	static Optional<StockFramework.Listed> find(List<StockFramework.Listed> bundles, String name) {
		return bundles.stream().filter(l -> l.name().equals(name)).findFirst();
	}

	/** Threads DigitDesk starts, or the libraries inside its bundles start. */
	static boolean digitDeskThread(String name) {
		return name.startsWith("digitdesk") || name.startsWith("digit-recognizer") || name.startsWith("JavaCPP")
				|| name.startsWith("DeallocatorServiceThread") || name.contains("HikariPool") || name.startsWith("H2 ")
				|| name.startsWith("MVStore") || name.equals("JNA Cleaner");
	}

	/** Log4j 2 through Pax Logging: warnings and errors on standard error, as the launcher's runtimes log. */
	static final String LOGGING = """
			log4j2.rootLogger.level = warn
			log4j2.rootLogger.appenderRef.stderr.ref = stderr
			log4j2.appender.stderr.type = Console
			log4j2.appender.stderr.name = stderr
			log4j2.appender.stderr.target = SYSTEM_ERR
			log4j2.appender.stderr.layout.type = PatternLayout
			log4j2.appender.stderr.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n
			""";

	/** FileInstall watching {@code watch} (feature folders in it), the shell kept, DigitDesk's data folder. */
	static String frameworkProperties(Path watch, Path logging, Path data) {
		return "\nfelix.fileinstall.dir=" + watch + "\nfelix.fileinstall.subdir.mode=recurse"
				+ "\nfelix.fileinstall.noInitialDelay=true\nfelix.fileinstall.poll=500"
				+ "\nfelix.fileinstall.optionalImportRefreshScope=managed\ngosh.args=--noshutdown"
				+ "\norg.ops4j.pax.logging.property.file=" + logging
				+ "\norg.ops4j.pax.logging.DefaultServiceLog.level=WARN\ndigitdesk.data=" + data + "\n";
	}
}
