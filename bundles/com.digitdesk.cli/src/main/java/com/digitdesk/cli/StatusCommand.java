package com.digitdesk.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.store.ResultStores;

/**
 * {@code digitdesk status}: every bundle and every component with its state;
 * exits 1 if a bundle is not active or a component is not satisfied.
 */
@Component(service = Subcommand.class, property = "digitdesk.command=status")
public class StatusCommand implements Subcommand {

	private final BundleContext context;
	private final ServiceComponentRuntime scr;

	/** Where the results go, when a store bundle is installed. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	volatile ResultStores stores;

	@Activate
	public StatusCommand(BundleContext context, @Reference ServiceComponentRuntime scr) {
		this.context = context;
		this.scr = scr;
	}

	@Override
	public String summary() {
		return "start the runtime, list every bundle and component with its state";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk status

				Lists every bundle with its state and every Declarative Services
				component with its state, and the default results store (its URL
				without password). Exits 0 when all bundles are ACTIVE and all
				components satisfied, 1 otherwise (the problems are listed last).""";
	}

	@Override
	public int run(CommandContext command) {
		if (!command.arguments().isEmpty()) {
			command.err().println("status takes no arguments\n" + usage());
			return 2;
		}
		long readyMillis = ManagementFactory.getRuntimeMXBean().getUptime();
		RuntimeHealth health = RuntimeHealth.of(context, scr);
		print(health, command.out());
		ResultStores results = stores;
		if (results != null) {
			command.out().printf("%nResults store%n  %s%n", withoutPassword(results.defaultUrl()));
		}
		List<String> problems = health.problems();
		command.out().printf("%nRuntime ready %d ms after JVM start.%n", readyMillis);
		if (problems.isEmpty()) {
			command.out().printf("OK: all %d bundles active, all %d components satisfied.%n", health.bundles().size(),
					health.components().size());
			return 0;
		}
		command.out().println("NOT OK:");
		problems.forEach(p -> command.out().println("  " + p));
		return 1;
	}

	/** A URL as it may be shown: without password (the store keeps it apart already; this holds for any store). */
	static String withoutPassword(String url) {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
	}

	private static void print(RuntimeHealth health, PrintStream out) {
		out.println("Bundles");
		out.printf("  %4s  %-11s %-45s %s%n", "ID", "STATE", "SYMBOLIC NAME", "VERSION");
		for (RuntimeHealth.BundleState bundle : health.bundles()) {
			out.printf("  %4d  %-11s %-45s %s%n", bundle.id(), bundle.state(), bundle.symbolicName(), bundle.version());
		}
		out.println();
		out.println("Components");
		out.printf("  %-12s %-55s %s%n", "STATE", "NAME", "BUNDLE");
		for (RuntimeHealth.ComponentState component : health.components()) {
			out.printf("  %-12s %-55s %s%s%n", component.state(), component.name(), component.bundle(),
					component.detail().isEmpty() ? "" : "  [" + component.detail() + "]");
		}
	}
}
