package com.digitdesk.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk results store", description = "Where read values, their review and "
		+ "clerks' corrections are kept.")
public @interface StoreConfiguration {

	String PID = "com.digitdesk.store";

	@AttributeDefinition(name = "Database URL", required = false, description = "JDBC URL of the default store: "
			+ "jdbc:h2:... (embedded) or jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD. Empty: the "
			+ "embedded H2 file 'results' in the data directory (framework property digitdesk.data, else 'data' "
			+ "under the working directory).")
	String url() default "";

	@AttributeDefinition(name = "Pool size", min = "1", description = "At most this many database connections "
			+ "per store.")
	int poolSize() default 4;
}
