package com.digitdesk.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The API of this framework as the commands that start it see it: configured through Configuration Admin,
 * found at the URL its server says it listens on, ready once it answers its health check.
 */
final class ApiEndpoint {

	private ApiEndpoint() {
	}

	/** Configures the API with these settings (over what it had), which starts its server. */
	static void configure(ConfigurationAdmin configurations, Map<String, Object> settings) throws IOException {
		Configuration api = configurations.getConfiguration(HttpApiConfiguration.PID, "?");
		Dictionary<String, Object> properties = api.getProperties() == null ? new Hashtable<>() : api.getProperties();
		settings.forEach(properties::put);
		api.update(properties);
	}

	/** The API's base URL (ending in /) once it answers, within {@code within}; empty when it does not. */
	static Optional<String> await(BundleContext context, Path tokenFile, Duration within)
			throws InterruptedException, IOException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			for (String url : endpoints(context)) {
				String token = Files.isRegularFile(tokenFile)
						? Files.readString(tokenFile, StandardCharsets.UTF_8).strip() : "";
				HttpRequest health = HttpRequest.newBuilder(URI.create(url + "api/v1/health"))
						.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build();
				try {
					int status = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
					// 401 with a configured token the file does not hold: up all the same
					if (status == 200 || status == 401) {
						return Optional.of(url);
					}
				} catch (IOException e) {
					// not listening yet
				}
			}
			Thread.sleep(200);
		}
		return Optional.empty();
	}

	/** The URLs the API's server says it listens on (its runtime service's endpoints). */
	private static String[] endpoints(BundleContext context) {
		ServiceReference<?>[] runtimes;
		try {
			runtimes = context.getServiceReferences((String) null, "(&(objectClass="
					+ "org.osgi.service.servlet.runtime.HttpServiceRuntime)(" + HttpApiConfiguration.SERVER_PROPERTY
					+ "=api))");
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		if (runtimes == null) {
			return new String[0];
		}
		Object endpoints = runtimes[0].getProperty("osgi.http.endpoint");
		String[] urls = endpoints instanceof String[] list ? list.clone()
				: endpoints instanceof Collection<?> many ? many.stream().map(String::valueOf).toArray(String[]::new)
						: endpoints == null ? new String[0] : new String[] { endpoints.toString() };
		for (int i = 0; i < urls.length; i++) {
			urls[i] = urls[i].endsWith("/") ? urls[i] : urls[i] + "/";
		}
		return urls;
	}
}
