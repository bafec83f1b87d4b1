package com.digitdesk.store;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.store.DocumentIngest;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.ResultReadout;
import com.digitdesk.api.store.ResultStore;

/**
 * A results store besides the default one: one component per factory
 * configuration of {@value #FACTORY_PID}, written by an administrator or by
 * {@link JdbcResultStores#store(String)} for a {@code --db URL}. Delayed like
 * the default store; its driver is selected by the configuration's
 * {@value StoreService#DRIVER_TARGET}, and it goes when its configuration or
 * its driver goes.
 */
@Component(configurationPid = ConfiguredResultStore.FACTORY_PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE,
		service = { ResultStore.class, DocumentIngest.class, FieldReview.class, ResultReadout.class })
@Designate(ocd = StoreConfiguration.class, factory = true)
public final class ConfiguredResultStore extends StoreService {

	/** The factory PID of the configurations of stores besides the default one. */
	static final String FACTORY_PID = "com.digitdesk.store.jdbc";

	@Activate
	public ConfiguredResultStore(StoreConfiguration configuration, BundleContext context,
			@Reference(name = DRIVER, target = StoreConfigurationPlugin.NO_DRIVER) DataSourceFactory driver) {
		this(configuration, context.getProperty(DATA_PROPERTY), driver);
		activated();
	}

	/** The store these settings name, opened at the first call (outside a framework). */
	ConfiguredResultStore(StoreConfiguration configuration, String data, DataSourceFactory driver) {
		super(configuration, configuration.url().trim(), data, driver, FACTORY_PID);
	}

	@Deactivate
	void deactivate() {
		close();
	}
}
