package com.digitdesk.cli;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.digitdesk.api.command.Subcommand;

/**
 * The main thread of the exported runtime jars. The bnd launcher runs a
 * {@code Callable} registered with {@code main.thread=true} on its main
 * thread and exits with its result; its command line is the
 * {@code launcher.arguments} property of the launcher's own service.
 *
 * <p>Only runtimes that set the framework property {@value #ENABLE} take
 * this role, so the same bundles can run inside another launcher (the test
 * runner, an admin's existing framework) without taking its main thread.
 */
// registers its Callable itself, and only in runtimes that let it take the main thread
@Component(immediate = true, service = {})
public class LauncherMain implements Callable<Integer> {

	static final String ENABLE = "digitdesk.launcher";
	static final String DEFAULT_COMMAND = "digitdesk.default.command";

	/** The commands the bundles offer, with their service properties. */
	@Reference(service = Subcommand.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	volatile List<Map.Entry<Map<String, Object>, Subcommand>> commands = List.of();

	private final BundleContext context;
	private final CommandDispatcher dispatcher = new CommandDispatcher(() -> commands);
	private ServiceRegistration<?> registration;

	@Activate
	public LauncherMain(BundleContext context) {
		this.context = context;
		if (Boolean.parseBoolean(context.getProperty(ENABLE))) {
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put("main.thread", "true");
			registration = context.registerService(Callable.class.getName(), this, properties);
		}
	}

	@Deactivate
	void deactivate() {
		if (registration != null) {
			try {
				registration.unregister();
			} catch (IllegalStateException alreadyGone) {
				// the framework is stopping and has taken it down already
			}
		}
	}

	@Override
	public Integer call() {
		List<String> arguments = launcherArguments();
		if (arguments.isEmpty()) {
			String fallback = context.getProperty(DEFAULT_COMMAND);
			if (fallback != null && !fallback.isBlank()) {
				arguments = List.of(fallback);
			}
		}
		int status = dispatcher.dispatch(arguments, System.out, System.err, System.console() != null);
		System.out.flush();
		System.err.flush();
		return status;
	}

	private List<String> launcherArguments() {
		try {
			ServiceReference<?>[] launchers = context.getServiceReferences((String) null, "(launcher.arguments=*)");
			for (ServiceReference<?> launcher : launchers == null ? new ServiceReference<?>[0] : launchers) {
				if (launcher.getProperty("launcher.arguments") instanceof String[] arguments) {
					return Arrays.asList(arguments);
				}
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException("constant filter is valid", e);
		}
		return List.of();
	}
}
