package com.digitdesk.store;

import java.lang.annotation.Annotation;

/** Store settings as Declarative Services hands them to a component. */
final class Configurations {

	private Configurations() {
	}

	static StoreConfiguration store(String url, String password, int poolSize) {
		return new StoreConfiguration() {
			@Override
			public Class<? extends Annotation> annotationType() {
				return StoreConfiguration.class;
			}

			@Override
			public String url() {
				return url;
			}

			@Override
			public String _password() {
				return password;
			}

			@Override
			public int poolSize() {
				return poolSize;
			}
		};
	}
}
