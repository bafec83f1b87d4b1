package com.digitdesk.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.util.tracker.ServiceTracker;

import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;

/**
 * Finds the store of a URL among the configured ones, for commands that take
 * {@code --db URL}: the default store when the URL is its own, else the
 * store of the {@value ConfiguredResultStore#FACTORY_PID} configuration with
 * that URL and password. A URL no configuration names gets one, and its
 * store is waited for; so a store is opened once per URL and shared by
 * everyone who asks for it.
 *
 * <p>The password of such a URL is not written into its configuration (as an
 * administrator's {@code .password} is): Felix Configuration Admin logs every
 * property of a configuration it updates at DEBUG, private ones too, and an
 * import at DEBUG showed it. It is kept in memory by {@link Secrets}, and the
 * configuration names it by a random key.
 *
 * <p>Configurations made here live as long as Configuration Admin keeps
 * them; a configuration deleted through Configuration Admin takes its store
 * away, and the next call for its URL makes a new one.
 */
@Component(configurationPid = StoreConfiguration.PID, immediate = true, service = ResultStores.class)
public class JdbcResultStores implements ResultStores {

	/** How long a new store's service is waited for. */
	static final long START_SECONDS = 30;

	private final BundleContext context;
	private final ConfigurationAdmin configurationAdmin;

	private final Object lock = new Object();
	/** The services got here, kept until they go or this component does. */
	private final Map<ServiceReference<ResultStore>, ResultStore> held = new HashMap<>();
	/** The default store as configured now; not under the lock, which is held while a new store starts. */
	private volatile Defaults defaults;
	private boolean closed;

	/**
	 * @param url the default store's URL without the password, as everyone may see it
	 * @param password the default store's password; null: none
	 * @param selector picks the default store's service of this configuration, not one of a configuration before
	 * @param poolSize of every store configured here
	 */
	private record Defaults(String url, String password, String selector, int poolSize) {
	}

	@Activate
	public JdbcResultStores(BundleContext context, @Reference ConfigurationAdmin configurationAdmin,
			StoreConfiguration configuration) {
		this.context = context;
		this.configurationAdmin = configurationAdmin;
		modified(configuration);
	}

	@Modified
	void modified(StoreConfiguration configuration) {
		JdbcUrls.Credentials credentials = StoreService.credentials(
				JdbcUrls.defaultUrl(configuration.url(), context.getProperty(StoreService.DATA_PROPERTY)),
				configuration._password());
		// Without a configuration its service has the empty URL of the component's description: a service
		// property comes from the description or a configuration, and the data directory is in neither.
		String selector = configuration.url().isBlank() ? "(&(default=true)(!(url=jdbc:*)))"
				: "(&(default=true)(url=" + escape(credentials.url()) + "))";
		defaults = new Defaults(credentials.url(), credentials.password(), selector, configuration.poolSize());
	}

	@Deactivate
	void deactivate() {
		List<ServiceReference<ResultStore>> release;
		synchronized (lock) {
			closed = true;
			release = new ArrayList<>(held.keySet());
			held.clear();
		}
		release.forEach(this::unget);
	}

	/** The default store's URL, without its password: open it with {@link #store(String)}. */
	@Override
	public String defaultUrl() {
		return defaults.url();
	}

	@Override
	public ResultStore store(String jdbcUrl) throws StoreException {
		String url = Objects.requireNonNull(jdbcUrl, "jdbcUrl").trim();
		String shown = JdbcUrls.redact(url);
		synchronized (lock) {
			if (closed) {
				throw new StoreException("cannot open " + shown + ": the results store is stopping");
			}
			String driverClass = JdbcUrls.driverClass(url).orElseThrow(() -> new StoreException("cannot open "
					+ shown + ": only jdbc:h2: and jdbc:postgresql: URLs are supported"));
			if (!installed(driverClass)) {
				throw new StoreException("cannot open " + shown + ": no JDBC driver " + driverClass + " is installed "
						+ "(a bundle that registers a DataSourceFactory with "
						+ DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass + ")");
			}
			// opened under the lock: two callers of one URL must share one store
			JdbcUrls.Credentials credentials = JdbcUrls.withoutPassword(url);
			Defaults current = defaults;
			boolean isDefault = credentials.url().equals(current.url())
					&& (credentials.password() == null || credentials.password().equals(current.password()));
			String selector = isDefault ? current.selector()
					: "(service.pid=" + configuration(credentials, driverClass, current.poolSize(), shown) + ")";
			return use(await(selector, shown), shown);
		}
	}

	private boolean installed(String driverClass) throws StoreException {
		try {
			return context.getServiceReferences(DataSourceFactory.class,
					"(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass + ")").size() > 0;
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The PID of the factory configuration of this URL and password: the
	 * one there is, else a new one.
	 */
	private String configuration(JdbcUrls.Credentials credentials, String driverClass, int poolSize, String shown)
			throws StoreException {
		try {
			Configuration[] found = configurationAdmin.listConfigurations("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID
					+ "=" + ConfiguredResultStore.FACTORY_PID + ")(url=" + escape(credentials.url()) + "))");
			if (found != null) {
				for (Configuration configuration : found) {
					Dictionary<String, Object> written = configuration.getProperties();
					if (written == null) {
						continue;
					}
					Object key = written.get(Secrets.KEY);
					if (key != null && Secrets.password(key).isEmpty()) {
						// made by a run before this one, whose password went with it
						configuration.delete();
						continue;
					}
					String password = key != null ? Secrets.password(key).get() : emptyToNull(written.get(".password"));
					if (Objects.equals(password, credentials.password())) {
						return configuration.getPid();
					}
				}
			}
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put("url", credentials.url());
			if (credentials.password() != null) {
				properties.put(Secrets.KEY, Secrets.keep(credentials.password()));
			}
			properties.put("poolSize", poolSize);
			properties.put(StoreService.DRIVER_TARGET,
					"(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass + ")");
			Configuration configuration = configurationAdmin.createFactoryConfiguration(
					ConfiguredResultStore.FACTORY_PID);
			configuration.update(properties);
			return configuration.getPid();
		} catch (IOException | InvalidSyntaxException e) {
			throw new StoreException("cannot open " + shown + ": its configuration cannot be written: " + e, e);
		}
	}

	private static String emptyToNull(Object value) {
		return value == null || value.toString().isEmpty() ? null : value.toString();
	}

	/** A value as an LDAP filter takes it. */
	static String escape(String value) {
		return value.replace("\\", "\\5c").replace("*", "\\2a").replace("(", "\\28").replace(")", "\\29");
	}

	/** The store service {@code selector} picks, once there is one; waits a bounded time. */
	private ServiceReference<ResultStore> await(String selector, String shown) throws StoreException {
		Filter filter;
		try {
			filter = FrameworkUtil.createFilter("(&(objectClass=" + ResultStore.class.getName() + ")" + selector
					+ ")");
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		// references only: getting the service is what opens the store
		ServiceTracker<ResultStore, ServiceReference<ResultStore>> tracker = new ServiceTracker<>(context, filter,
				null) {
			@Override
			public ServiceReference<ResultStore> addingService(ServiceReference<ResultStore> reference) {
				return reference;
			}

			@Override
			public void removedService(ServiceReference<ResultStore> reference, ServiceReference<ResultStore> s) {
				// nothing was got
			}
		};
		tracker.open();
		try {
			ServiceReference<ResultStore> reference = tracker.waitForService(TimeUnit.SECONDS.toMillis(START_SECONDS));
			if (reference == null) {
				throw new StoreException("cannot open " + shown + ": its store did not start within "
						+ START_SECONDS + " s (" + selector + ")");
			}
			return reference;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StoreException("cannot open " + shown + ": interrupted while its store started", e);
		} finally {
			tracker.close();
		}
	}

	/** The service of {@code reference}, got once and kept, with its database open. */
	private ResultStore use(ServiceReference<ResultStore> reference, String shown) throws StoreException {
		// stores that went (configuration deleted, driver gone) are let go of
		List<ServiceReference<ResultStore>> gone = new ArrayList<>();
		held.entrySet().removeIf(e -> (e.getKey().getBundle() == null
				|| e.getValue() instanceof StoreService s && s.isClosed()) && gone.add(e.getKey()));
		gone.forEach(this::unget);
		ResultStore store = held.get(reference);
		if (store != null) {
			return store;
		}
		store = context.getService(reference);
		if (store == null) {
			throw new StoreException("cannot open " + shown + ": its store has gone");
		}
		if (store instanceof StoreService service) {
			try {
				// a database that cannot be opened fails here, as it did before stores were services
				service.store();
			} catch (StoreException e) {
				unget(reference);
				throw e;
			}
		}
		held.put(reference, store);
		return store;
	}

	private void unget(ServiceReference<ResultStore> reference) {
		try {
			context.ungetService(reference);
		} catch (IllegalStateException e) {
			// this bundle is stopping
		}
	}
}
