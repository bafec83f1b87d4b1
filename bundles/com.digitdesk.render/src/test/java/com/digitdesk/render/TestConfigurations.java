package com.digitdesk.render;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configurations as Declarative Services makes them: the given values, the rest at their defaults. */
final class TestConfigurations {

	private TestConfigurations() {
	}

	static RendererConfiguration renderer(Map<String, Object> values) {
		return (RendererConfiguration) Proxy.newProxyInstance(RendererConfiguration.class.getClassLoader(),
				new Class<?>[] { RendererConfiguration.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("annotationType")) {
						return RendererConfiguration.class;
					}
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == arguments[0];
						default -> "RendererConfiguration" + values;
						};
					}
					return values.getOrDefault(method.getName(), method.getDefaultValue());
				});
	}
}
