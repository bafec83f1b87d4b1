package com.digitdesk.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * A snapshot of the framework: every bundle with its state, every
 * Declarative Services component with its state, and what is wrong.
 */
record RuntimeHealth(List<BundleState> bundles, List<ComponentState> components) {

	record BundleState(long id, String symbolicName, String version, String state, boolean healthy) {
	}

	record ComponentState(String name, String bundle, String state, String detail, boolean healthy) {
	}

	static RuntimeHealth of(BundleContext context, ServiceComponentRuntime scr) {
		List<BundleState> bundles = Arrays.stream(context.getBundles()).sorted(Comparator.comparingLong(Bundle::getBundleId))
				.map(RuntimeHealth::bundleState).toList();
		List<ComponentState> components = new ArrayList<>();
		for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
			components.addAll(componentStates(scr, description));
		}
		components.sort(Comparator.comparing(ComponentState::bundle).thenComparing(ComponentState::name));
		return new RuntimeHealth(bundles, components);
	}

	boolean healthy() {
		return bundles.stream().allMatch(BundleState::healthy) && components.stream().allMatch(ComponentState::healthy);
	}

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		bundles.stream().filter(b -> !b.healthy())
				.forEach(b -> problems.add("bundle " + b.symbolicName() + " is " + b.state()));
		components.stream().filter(c -> !c.healthy())
				.forEach(c -> problems.add("component " + c.name() + " is " + c.state() + detailSuffix(c.detail())));
		return problems;
	}

	private static String detailSuffix(String detail) {
		return detail.isEmpty() ? "" : " (" + detail + ")";
	}

	private static BundleState bundleState(Bundle bundle) {
		boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
		String state = switch (bundle.getState()) {
			case Bundle.ACTIVE -> "ACTIVE";
			case Bundle.RESOLVED -> fragment ? "FRAGMENT" : "RESOLVED";
			case Bundle.STARTING -> "STARTING";
			case Bundle.STOPPING -> "STOPPING";
			case Bundle.INSTALLED -> "INSTALLED";
			default -> "UNINSTALLED";
		};
		// A resolved fragment is as good as it gets: fragments never become ACTIVE.
		boolean healthy = bundle.getState() == Bundle.ACTIVE || (fragment && bundle.getState() == Bundle.RESOLVED);
		BundleDTO dto = bundle.adapt(BundleDTO.class);
		return new BundleState(dto.id, String.valueOf(dto.symbolicName), dto.version, state, healthy);
	}

	private static List<ComponentState> componentStates(ServiceComponentRuntime scr, ComponentDescriptionDTO description) {
		String bundle = description.bundle.symbolicName;
		if (!scr.isComponentEnabled(description)) {
			return List.of(new ComponentState(description.name, bundle, "DISABLED", "", description.defaultEnabled == false));
		}
		var configurations = scr.getComponentConfigurationDTOs(description);
		if (configurations.isEmpty() && description.factory != null) {
			return List.of(new ComponentState(description.name, bundle, "FACTORY", description.factory, true));
		}
		if (configurations.isEmpty()) {
			boolean needsConfiguration = "require".equals(description.configurationPolicy);
			return List.of(new ComponentState(description.name, bundle,
					needsConfiguration ? "NO CONFIGURATION" : "NOT CREATED", "", needsConfiguration));
		}
		return configurations.stream().map(c -> componentState(description, bundle, c)).toList();
	}

	private static ComponentState componentState(ComponentDescriptionDTO description, String bundle,
			ComponentConfigurationDTO configuration) {
		return switch (configuration.state) {
			case ComponentConfigurationDTO.ACTIVE -> new ComponentState(description.name, bundle, "ACTIVE", "", true);
			case ComponentConfigurationDTO.SATISFIED -> new ComponentState(description.name, bundle, "SATISFIED", "", true);
			case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> new ComponentState(description.name, bundle,
					"UNSATISFIED", "missing " + missing(configuration.unsatisfiedReferences), false);
			case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> new ComponentState(description.name, bundle,
					"UNSATISFIED", "waiting for configuration", false);
			case ComponentConfigurationDTO.FAILED_ACTIVATION -> new ComponentState(description.name, bundle,
					"FAILED", String.valueOf(configuration.failure).lines().findFirst().orElse(""), false);
			default -> new ComponentState(description.name, bundle, "STATE " + configuration.state, "", false);
		};
	}

	private static String missing(UnsatisfiedReferenceDTO[] references) {
		return Arrays.stream(references)
				.map(r -> r.name + (r.target == null ? "" : " " + r.target))
				.collect(Collectors.joining(", "));
	}
}
