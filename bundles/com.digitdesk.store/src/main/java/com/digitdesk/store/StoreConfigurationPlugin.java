package com.digitdesk.store;

import java.util.Dictionary;
import java.util.Optional;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Completes a store's configuration as Declarative Services gets it (the
 * default store's and every {@value ConfiguredResultStore#FACTORY_PID} one),
 * whoever wrote it: an administrator, a configuration file, or
 * {@link JdbcResultStores}.
 * <ul>
 * <li>A password in the URL, or the one {@link Secrets} keeps for the
 * configuration, goes into {@code .password} (unless that is set), and the
 * URL keeps none: Declarative Services copies {@code url} into the
 * service's properties, which every bundle can read, and leaves private
 * properties (leading dot) out.
 * <li>{@value StoreService#DRIVER_TARGET}, unless set, selects the
 * DataSourceFactory of the URL's driver class, so a store finds its driver
 * (and goes when it goes) without anyone writing a filter.
 * <li>The default store's empty URL becomes the embedded file in the data
 * directory, so its service shows where it is.
 * </ul>
 * Nothing is written back: the configuration stays as its author wrote it.
 */
final class StoreConfigurationPlugin implements ConfigurationPlugin {

	/** A target no driver matches: the store of a URL no driver supports stays unsatisfied. */
	static final String NO_DRIVER = "(&(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=*)(!("
			+ DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=*)))";

	/** The framework property {@value StoreService#DATA_PROPERTY}, or null. */
	private final String data;

	StoreConfigurationPlugin(String data) {
		this.data = data;
	}

	@Override
	public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
		boolean defaultStore = StoreConfiguration.PID.equals(properties.get(Constants.SERVICE_PID));
		if (defaultStore || ConfiguredResultStore.FACTORY_PID.equals(
				properties.get(ConfigurationAdmin.SERVICE_FACTORYPID))) {
			complete(properties, defaultStore, data);
		}
	}

	/** Completes one store's properties in place. */
	static void complete(Dictionary<String, Object> properties, boolean defaultStore, String data) {
		Object configured = properties.get("url");
		String url = configured == null ? "" : configured.toString().trim();
		if (url.isEmpty() && defaultStore) {
			url = JdbcUrls.defaultUrl("", data);
		}
		JdbcUrls.Credentials credentials = JdbcUrls.withoutPassword(url);
		if (!url.isEmpty()) {
			properties.put("url", credentials.url());
		}
		Object password = properties.get(".password");
		if (password == null || password.toString().isEmpty()) {
			// one kept in memory for this configuration, else the URL's own
			Secrets.password(properties.get(Secrets.KEY)).or(() -> Optional.ofNullable(credentials.password()))
					.ifPresent(secret -> properties.put(".password", secret));
		}
		if (properties.get(StoreService.DRIVER_TARGET) == null) {
			properties.put(StoreService.DRIVER_TARGET, driverTarget(credentials.url()));
		}
	}

	/** The filter selecting the DataSourceFactory that opens {@code url}. */
	static String driverTarget(String url) {
		return JdbcUrls.driverClass(url)
				.map(driverClass -> "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass + ")")
				.orElse(NO_DRIVER);
	}
}
