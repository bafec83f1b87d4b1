package com.digitdesk.http;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.data.DataDirectory;

/**
 * The API's own HTTP server: a server instance of Felix HTTP made by a factory configuration with the
 * configured port and address, marked so that the API's servlets select it (and nothing else of the
 * framework lands on it, nor the API on a server the workstation has for other things); and the token
 * callers must present. Runs only while a {@code com.digitdesk.http} configuration exists (the
 * {@code serve} command makes one; an installed feature ships one). Immediate: nothing asks for it before
 * its server exists, since the servlets that use it only reach a server it makes.
 */
@Component(service = ApiServer.class, configurationPid = HttpApiConfiguration.PID, immediate = true,
		configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HttpApiConfiguration.class)
public class ApiServer {

	/** Selects the API's server for a whiteboard servlet or filter. */
	static final String TARGET = "(" + HttpApiConfiguration.SERVER_PROPERTY + "=api)";

	/** Felix HTTP makes one server per configuration of this factory. */
	static final String SERVER_FACTORY = "org.apache.felix.http";
	static final String SERVER_NAME = "digitdesk";

	private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

	private final ConfigurationAdmin configurations;
	private final DataDirectory data;
	private volatile HttpApiConfiguration config;
	private volatile ApiToken token;

	@Activate
	public ApiServer(@Reference ConfigurationAdmin configurations, @Reference DataDirectory data,
			HttpApiConfiguration config) throws IOException {
		this.configurations = configurations;
		this.data = data;
		modified(config);
	}

	@Modified
	void modified(HttpApiConfiguration config) throws IOException {
		this.token = ApiToken.configuredOrKept(config.token(), data.path());
		this.config = config;
		Configuration server = configurations.getFactoryConfiguration(SERVER_FACTORY, SERVER_NAME, "?");
		Dictionary<String, Object> wanted = new Hashtable<>();
		wanted.put("org.osgi.service.http.port", Integer.toString(config.port()));
		wanted.put("org.apache.felix.http.host", config.bind());
		wanted.put("org.apache.felix.https.enable", false);
		wanted.put("org.apache.felix.http.name", "DigitDesk API");
		// becomes a property of the server's runtime service, which the servlets' whiteboard target selects
		wanted.put("org.apache.felix.http.runtime.init." + HttpApiConfiguration.SERVER_PROPERTY, "api");
		wanted.put("org.apache.felix.http.jetty.sendServerHeader", false);
		// a server that is already as wanted is not restarted
		if (!sameAs(server.getProperties(), wanted)) {
			server.update(wanted);
			LOG.debug("HTTP API server on {}:{}", config.bind(), config.port());
		}
	}

	@Deactivate
	void deactivate() {
		try {
			configurations.getFactoryConfiguration(SERVER_FACTORY, SERVER_NAME, "?").delete();
		} catch (IOException | IllegalStateException e) {
			LOG.warn("could not remove the HTTP API's server configuration: {}", e.toString());
		}
	}

	HttpApiConfiguration config() {
		return config;
	}

	ApiToken token() {
		return token;
	}

	private static boolean sameAs(Dictionary<String, Object> present, Dictionary<String, Object> wanted) {
		if (present == null) {
			return false;
		}
		for (var keys = wanted.keys(); keys.hasMoreElements();) {
			String key = keys.nextElement();
			if (!Objects.equals(String.valueOf(present.get(key)), String.valueOf(wanted.get(key)))) {
				return false;
			}
		}
		return true;
	}
}
