package com.digitdesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;

/**
 * Opens result stores by URL with whichever JDBC driver bundles are installed
 * (their {@link DataSourceFactory} services), one store per URL, and registers
 * the configured default store as a {@link ResultStore} service, opened for
 * its first consumer.
 *
 * <p>Drivers may come and go: the default store's service is there while its
 * driver is, and a driver's stores close (and the default store's service
 * goes) when it leaves.
 */
// the default store is registered by hand; the resolver should still know it is offered here
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=com.digitdesk.api.store.ResultStore",
		uses = ResultStore.class)
@Component(configurationPid = StoreConfiguration.PID, immediate = true, service = ResultStores.class)
@Designate(ocd = StoreConfiguration.class)
public class JdbcResultStores implements ResultStores {

	/** Framework property naming the data directory of the embedded default store. */
	static final String DATA_PROPERTY = "digitdesk.data";

	private static final Logger LOG = LoggerFactory.getLogger(JdbcResultStores.class);

	private record Driver(DataSourceFactory factory, String driverClass) {
	}

	private record Open(JdbcResultStore store, DataSourceFactory factory) {
	}

	private final Object lock = new Object();
	/** Bound factories, oldest first. */
	private final List<Driver> drivers = new ArrayList<>();
	private final Map<String, Open> stores = new LinkedHashMap<>();
	/** The default store's URL without its password, as everyone may see it. */
	private String defaultUrl = "";
	/** The default store's password, kept here only; null: none. */
	private String defaultPassword;
	/** The data directory: where the default embedded store is, made private to its owner when it is opened. */
	private Path dataDirectory;
	private int poolSize = 4;
	private BundleContext context;
	private boolean closed;
	private ServiceRegistration<ResultStore> registration;
	private boolean publishing;
	/** Counts withdrawals, so that a registration racing with one is taken back. */
	private long withdrawals;

	/** For Declarative Services. */
	public JdbcResultStores() {
	}

	/** Stores with these settings, registering no service (outside a framework). */
	public JdbcResultStores(String defaultUrl, int poolSize) {
		configure(defaultUrl, "", System.getProperty(DATA_PROPERTY));
		this.poolSize = poolSize;
	}

	@Activate
	void activate(BundleContext context, StoreConfiguration configuration) {
		synchronized (lock) {
			this.context = context;
			configure(configuration.url(), configuration._password(), context.getProperty(DATA_PROPERTY));
			poolSize = configuration.poolSize();
			if (poolSize < 1) {
				LOG.warn("Pool size {} of configuration {} is less than 1; using 1", poolSize, StoreConfiguration.PID);
				poolSize = 1;
			}
		}
		publishDefault();
	}

	/** The default store: its URL without the password, which is kept apart (the setting's, else the URL's). */
	private void configure(String url, String password, String data) {
		JdbcUrls.Credentials credentials = JdbcUrls.withoutPassword(JdbcUrls.defaultUrl(url, data));
		defaultUrl = credentials.url();
		defaultPassword = password != null && !password.isEmpty() ? password : credentials.password();
		dataDirectory = JdbcUrls.dataDirectory(data);
	}

	@Deactivate
	void deactivate() {
		withdrawDefault();
		close();
	}

	/** Closes every store and refuses to open more. */
	public void close() {
		List<Open> open;
		synchronized (lock) {
			closed = true;
			context = null;
			open = new ArrayList<>(stores.values());
			stores.clear();
		}
		open.forEach(o -> o.store().close());
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	public void addDataSourceFactory(DataSourceFactory factory, Map<String, Object> properties) {
		Object driverClass = properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
		if (driverClass == null) {
			return;
		}
		boolean forDefault;
		synchronized (lock) {
			drivers.add(new Driver(factory, driverClass.toString()));
			forDefault = context != null && registration == null
					&& JdbcUrls.driverClass(defaultUrl).filter(driverClass.toString()::equals).isPresent();
		}
		if (forDefault) {
			publishDefault();
		}
	}

	public void removeDataSourceFactory(DataSourceFactory factory) {
		List<Open> gone = new ArrayList<>();
		boolean defaultGone;
		synchronized (lock) {
			drivers.removeIf(d -> d.factory() == factory);
			Open defaultStore = stores.get(defaultUrl);
			// consumers hold the open store, which closes with its driver; with no driver left it cannot open
			defaultGone = defaultStore != null && defaultStore.factory() == factory
					|| JdbcUrls.driverClass(defaultUrl).flatMap(this::factory).isEmpty();
			stores.values().removeIf(open -> open.factory() == factory && gone.add(open));
		}
		if (defaultGone) {
			withdrawDefault();
		}
		gone.forEach(o -> o.store().close());
	}

	/** The default store's URL, without its password: open it with {@link #store(String)}. */
	@Override
	public String defaultUrl() {
		synchronized (lock) {
			return defaultUrl;
		}
	}

	@Override
	public ResultStore store(String jdbcUrl) throws StoreException {
		return open(Objects.requireNonNull(jdbcUrl, "jdbcUrl").trim());
	}

	/** The store at {@code url}, opened on first use. */
	JdbcResultStore open(String url) throws StoreException {
		String shown = JdbcUrls.redact(url);
		synchronized (lock) {
			if (closed) {
				throw new StoreException("cannot open " + shown + ": the results store is stopping");
			}
			Open open = stores.get(url);
			if (open != null) {
				return open.store();
			}
			String driverClass = JdbcUrls.driverClass(url).orElseThrow(() -> new StoreException("cannot open "
					+ shown + ": only jdbc:h2: and jdbc:postgresql: URLs are supported"));
			DataSourceFactory factory = factory(driverClass).orElseThrow(() -> new StoreException("cannot open "
					+ shown + ": no JDBC driver " + driverClass + " is installed (a bundle that registers a "
					+ "DataSourceFactory with " + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass + ")"));
			if (JdbcUrls.h2Database(url).filter(database -> database.getParent().equals(dataDirectory)).isPresent()) {
				privateDataDirectory();
			}
			// opened under the lock: two callers of one URL must share one pool
			JdbcResultStore store = JdbcResultStore.open(url, url.equals(defaultUrl) ? defaultPassword : null,
					factory, poolSize);
			stores.put(url, new Open(store, factory));
			return store;
		}
	}

	/**
	 * The data directory and everything in it (the embedded store, the
	 * sample archive) made readable by their owner only: an install from
	 * before left them readable by all.
	 */
	private void privateDataDirectory() {
		try {
			PrivateFiles.narrowTree(dataDirectory);
		} catch (IOException e) {
			LOG.warn("Could not make everything in the data directory {} readable by its owner only: {}",
					dataDirectory, e.toString());
		}
	}

	private Optional<DataSourceFactory> factory(String driverClass) {
		return drivers.stream().filter(d -> d.driverClass().equals(driverClass)).map(Driver::factory).findFirst();
	}

	/**
	 * Registers the default store as a service once its driver is there. The
	 * store opens (pool, schema migration) when a consumer first gets it, not
	 * at start: most commands never touch it, and an embedded file is held by
	 * the process that opens it.
	 */
	private void publishDefault() {
		BundleContext registrar;
		String url;
		long seen;
		synchronized (lock) {
			if (context == null || registration != null || publishing) {
				return;
			}
			url = defaultUrl;
			if (JdbcUrls.driverClass(url).flatMap(this::factory).isEmpty()) {
				LOG.info("The default results store {} waits for its JDBC driver", JdbcUrls.redact(url));
				return;
			}
			publishing = true;
			registrar = context;
			seen = withdrawals;
		}
		ServiceRegistration<ResultStore> published = null;
		try {
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put("url", JdbcUrls.redact(url));
			// not under the lock: whoever this registration wakes may call us back
			published = registrar.registerService(ResultStore.class, new DefaultStore(url), properties);
		} catch (IllegalStateException e) {
			// the bundle is stopping
		} finally {
			boolean stale;
			synchronized (lock) {
				publishing = false;
				stale = published != null && (context == null || withdrawals != seen);
				if (published != null && !stale) {
					registration = published;
				}
			}
			if (stale) {
				unregister(published);
			}
		}
	}

	/** The default store, opened for its first consumer; one that cannot be opened is no service (null). */
	private final class DefaultStore implements ServiceFactory<ResultStore> {
		private final String url;

		DefaultStore(String url) {
			this.url = url;
		}

		@Override
		public ResultStore getService(Bundle consumer, ServiceRegistration<ResultStore> registration) {
			try {
				return open(url);
			} catch (StoreException e) {
				LOG.error("The default results store cannot be opened: {}", e.getMessage(), e);
				return null;
			}
		}

		@Override
		public void ungetService(Bundle consumer, ServiceRegistration<ResultStore> registration, ResultStore store) {
			// the store stays open for the next consumer, until its driver or this component goes
		}
	}

	private void withdrawDefault() {
		ServiceRegistration<ResultStore> withdrawn;
		synchronized (lock) {
			withdrawals++;
			withdrawn = registration;
			registration = null;
		}
		if (withdrawn != null) {
			unregister(withdrawn);
		}
	}

	private static void unregister(ServiceRegistration<?> registration) {
		try {
			registration.unregister();
		} catch (IllegalStateException e) {
			// already gone with the bundle
		}
	}
}
