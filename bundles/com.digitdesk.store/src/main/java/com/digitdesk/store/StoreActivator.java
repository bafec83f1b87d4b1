package com.digitdesk.store;

import java.util.Hashtable;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * Registers {@link StoreConfigurationPlugin} as this bundle starts. Not a
 * component: Declarative Services reads a component's configuration (through
 * the plugins there are at that moment) as soon as the bundle has started,
 * and a plugin that came later would find the stores configured without it;
 * an activator's service is there before.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class StoreActivator implements BundleActivator {

	private ServiceRegistration<ConfigurationPlugin> plugin;

	@Override
	public void start(BundleContext context) {
		plugin = context.registerService(ConfigurationPlugin.class,
				new StoreConfigurationPlugin(context.getProperty(StoreService.DATA_PROPERTY)), new Hashtable<>());
	}

	@Override
	public void stop(BundleContext context) {
		plugin.unregister();
	}
}
