package com.digitdesk.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of one results store: the default store's (configuration
 * {@value #PID}) or another one's (a factory configuration of
 * {@value ConfiguredResultStore#FACTORY_PID}). Beside these, a configuration
 * may name its JDBC driver in {@code driver.target} (a filter on the
 * DataSourceFactory services); {@link StoreConfigurationPlugin} derives it
 * from the URL when it is not set.
 */
@ObjectClassDefinition(name = "DigitDesk results store", description = "Where read values, their review and "
		+ "clerks' corrections are kept.")
public @interface StoreConfiguration {

	String PID = "com.digitdesk.store";

	@AttributeDefinition(name = "Database URL", required = false, description = "JDBC URL of the store: "
			+ "jdbc:h2:... (embedded) or jdbc:postgresql://HOST:PORT/DB?user=USER (the password goes into the "
			+ "Password setting; one given in the URL is taken out of it too). Empty, for the default store: the "
			+ "embedded H2 file 'results' in the data directory (framework property digitdesk.data, else 'data' "
			+ "under the working directory), readable by its owner only.")
	String url() default "";

	/**
	 * The property {@code .password}: a private property (leading dot), so
	 * Declarative Services does not copy it into the service's properties,
	 * which every bundle can read.
	 */
	@AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false, description = "Password "
			+ "of the database user of the store. It reaches the JDBC driver as a property of its own, never "
			+ "in a URL, and appears in no log, message or service property. Empty: the URL's own, if any.")
	String _password() default "";

	@AttributeDefinition(name = "Pool size", min = "1", description = "At most this many database connections "
			+ "per store.")
	int poolSize() default 4;
}
