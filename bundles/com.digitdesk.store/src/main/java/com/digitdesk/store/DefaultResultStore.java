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
 * The default results store, configured by {@value StoreConfiguration#PID}
 * (no configuration, or an empty URL: the embedded H2 file {@code results}
 * in the data directory), registered with {@code default=true}.
 *
 * <p>Delayed: the store opens (pool, schema migration) when a consumer first
 * gets it, not at start, since most commands never touch it and an embedded
 * file is held by the process that opens it.
 *
 * <p>Its JDBC driver is the DataSourceFactory the property
 * {@value StoreService#DRIVER_TARGET} selects, which
 * {@link StoreConfigurationPlugin} puts into the configuration from its URL;
 * without a configuration, H2's. The store goes when its driver goes.
 *
 * <p>Its service property {@code url} is its configuration's (completed by
 * the plugin, without password). Without a configuration it is the empty URL
 * of the component's description: Declarative Services takes service
 * properties from the description and the configuration only, and the data
 * directory is a framework property; {@code ResultStores.defaultUrl()} names
 * the file then.
 */
@Component(configurationPid = StoreConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
		service = { ResultStore.class, DocumentIngest.class, FieldReview.class, ResultReadout.class },
		property = "default:Boolean=true")
@Designate(ocd = StoreConfiguration.class)
public final class DefaultResultStore extends StoreService {

	@Activate
	public DefaultResultStore(StoreConfiguration configuration, BundleContext context,
			@Reference(name = DRIVER, target = "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "="
					+ JdbcUrls.H2_DRIVER + ")") DataSourceFactory driver) {
		this(configuration, context.getProperty(DATA_PROPERTY), driver);
		activated();
	}

	/** The default store of the data directory {@code data}, opened at the first call (outside a framework). */
	DefaultResultStore(StoreConfiguration configuration, String data, DataSourceFactory driver) {
		super(configuration, JdbcUrls.defaultUrl(configuration.url(), data), data, driver, StoreConfiguration.PID);
	}

	@Deactivate
	void deactivate() {
		close();
	}
}
