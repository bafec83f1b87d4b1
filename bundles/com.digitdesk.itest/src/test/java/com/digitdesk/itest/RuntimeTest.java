package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;

/** The runtime as it starts: every bundle active, every component satisfied, the commands there. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class RuntimeTest {

	@InjectBundleContext
	BundleContext context;

	@InjectService
	ServiceComponentRuntime scr;

	@InjectService(cardinality = 2, timeout = 5000)
	ServiceAware<Subcommand> commands;

	@Test
	void everyBundleIsActive() {
		List<String> notActive = Arrays.stream(context.getBundles())
				.filter(b -> b.getState() != Bundle.ACTIVE && !isFragment(b))
				.map(b -> b.getSymbolicName() + " is in state " + b.getState()).toList();
		assertThat(notActive).isEmpty();
		assertThat(Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName))
				.contains("com.digitdesk.api", "com.digitdesk.mnist", "com.digitdesk.cli", "org.apache.felix.scr",
						"org.apache.felix.configadmin", "org.apache.felix.metatype",
						"org.ops4j.pax.logging.pax-logging-log4j2");
	}

	@Test
	void everyComponentIsSatisfied() {
		List<String> names = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
			names.add(description.name);
			for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
				if (configuration.state != ComponentConfigurationDTO.ACTIVE
						&& configuration.state != ComponentConfigurationDTO.SATISFIED) {
					problems.add(description.name + " is in state " + configuration.state);
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(names).contains("com.digitdesk.mnist.MnistDatasetsComponent",
				"com.digitdesk.mnist.FetchMnistCommand", "com.digitdesk.cli.StatusCommand",
				"com.digitdesk.cli.LauncherMain", "com.digitdesk.read.ChainedPageReader",
				"com.digitdesk.route.RuleRouting", "com.digitdesk.cli.FrameworkDataDirectory");
	}

	@Test
	void subcommandsAreServicesOfTheBundlesThatOwnThem() {
		assertThat(commands.getServiceReferences()).extracting(reference -> reference.getProperty(Subcommand.NAME))
				.contains("status", "fetch-mnist");
	}

	@Test
	void statusReportsAHealthyRuntime() throws Exception {
		Subcommand status = Commands.named("status");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = status.run(new CommandContext(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
				System.err, Path.of("."), false));
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("ACTIVE      com.digitdesk.mnist").contains("com.digitdesk.mnist.MnistDatasetsComponent")
				.contains("OK: all");
		assertThat(exit).isZero();
	}

	@Test
	void onlyTheApiBundleExportsAndItsPackagesAreVersioned() {
		for (Bundle bundle : context.getBundles()) {
			String name = bundle.getSymbolicName();
			if (!name.startsWith("com.digitdesk.") || name.endsWith("-tests")) {
				continue;
			}
			List<BundleCapability> exports = bundle.adapt(BundleRevision.class)
					.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE);
			if (name.equals("com.digitdesk.api")) {
				assertThat(exports).isNotEmpty();
				for (BundleCapability export : exports) {
					assertThat((Version) export.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE))
							.as("version of %s", export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
							.isGreaterThanOrEqualTo(new Version(1, 0, 0));
				}
			} else if (name.startsWith("com.digitdesk.nd4j")) {
				// The ND4J library bundle exports ND4J's own packages, none of DigitDesk's.
				assertThat(exports)
						.extracting(export -> (String) export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
						.as("packages exported by library bundle %s", name).isNotEmpty()
						.allMatch(pkg -> pkg.startsWith("org.nd4j.") || pkg.startsWith("org.bytedeco.javacpp"));
			} else if (name.equals("com.digitdesk.verify.ui")) {
				// The window's view contract refers to SWT, which the API bundle must not need: the window
				// bundle exports that one versioned package, for bundles that contribute views.
				assertThat(exports)
						.extracting(export -> (String) export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
						.containsExactly("com.digitdesk.verify.ui.view");
				assertThat((Version) exports.get(0).getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE))
						.isGreaterThanOrEqualTo(new Version(1, 0, 0));
			} else {
				assertThat(exports).as("packages exported by provider bundle %s", name).isEmpty();
			}
		}
	}

	private static boolean isFragment(Bundle bundle) {
		return (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
	}
}
