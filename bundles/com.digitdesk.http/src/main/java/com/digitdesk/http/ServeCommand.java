package com.digitdesk.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.data.DataDirectory;
import com.digitdesk.api.store.ModelFollowing;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;

/**
 * {@code digitdesk serve}: the HTTP API in the foreground on this runtime, until it is stopped. Configures
 * the API (its own server on the port and address asked for), waits until it answers, prints its URL.
 */
@Component(service = Subcommand.class, property = Subcommand.NAME + "=serve")
public class ServeCommand implements Subcommand {

	static final int DEFAULT_PORT = 8765;
	private static final Duration READY_WITHIN = Duration.ofSeconds(60);

	private final ConfigurationAdmin configurations;
	private final ResultStores stores;
	private final DataDirectory data;
	private final BundleContext context;
	private final CountDownLatch stopped = new CountDownLatch(1);

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
	volatile ModelFollowing models;

	@Activate
	public ServeCommand(@Reference ConfigurationAdmin configurations, @Reference ResultStores stores,
			@Reference DataDirectory data, BundleContext context) {
		this.configurations = configurations;
		this.stores = stores;
		this.data = data;
		this.context = context;
	}

	@Deactivate
	void deactivate() {
		stopped.countDown();
	}

	@Override
	public String summary() {
		return "serve the recognizer and the form reader over HTTP (and the drawing page) until stopped";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk serve [--db JDBC-URL] [--port N] [--bind ADDRESS]

				Runs the HTTP API in the foreground and prints its URL when it answers:
				POST /api/v1/digits (images of digits), POST /api/v1/documents (a PDF;
				?store=true also imports it into the store), GET /api/v1/health,
				GET /api/v1/models, GET /api/v1/openapi.json, and the drawing page at /.
				--port: TCP port (default %d; 0 takes a free one). --bind: address to
				listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every
				network). --db: the results store documents are stored in and whose
				current model the recognizer reads with (default: the embedded store).
				Every call needs the bearer token kept in http.token in the data
				directory (generated at the first start, readable by its owner only).
				Ctrl+C stops it.""".formatted(DEFAULT_PORT);
	}

	@Override
	public int run(CommandContext command) throws Exception {
		CommandOptions options;
		int port;
		String bind;
		try {
			options = CommandOptions.parse(command.arguments(), Set.of("--db", "--port", "--bind"), Set.of())
					.withoutPositional();
			port = options.getInt("--port", DEFAULT_PORT);
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("--port needs 0..65535, not " + port);
			}
			bind = options.get("--bind", "127.0.0.1");
		} catch (IllegalArgumentException e) {
			command.err().println("serve: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		if (port != 0 && !free(bind, port)) {
			command.err().println("serve: port " + port + " on " + bind + " is taken (another serve?); "
					+ "--port N chooses another");
			return 1;
		}
		String storeUrl = options.get("--db", "");
		try {
			stores.store(storeUrl.isEmpty() ? stores.defaultUrl() : storeUrl);
			ModelFollowing following = models;
			if (!storeUrl.isEmpty() && following != null) {
				Optional<ModelVersion> model = following.readWithCurrentModel(storeUrl);
				model.ifPresent(version -> command.err().println("serve: reading with the store's model "
						+ version.version()));
			}
		} catch (StoreException e) {
			command.err().println("serve: " + e.getMessage());
			return 1;
		}
		ApiEndpoint.configure(configurations, Map.of("port", port, "bind", bind, "storeUrl", storeUrl));
		Path tokenFile = data.path().resolve(ApiToken.FILE);
		Optional<String> url = ApiEndpoint.await(context, tokenFile, READY_WITHIN);
		if (url.isEmpty()) {
			command.err().println("serve: the API did not start within " + READY_WITHIN.toSeconds()
					+ " s (is port " + port + " taken? the log says why)");
			return 1;
		}
		command.out().println("DigitDesk API at " + url.get() + "api/v1/ (drawing page " + url.get() + ")");
		command.out().println("token: " + tokenFile + (Files.isRegularFile(tokenFile) ? "" : " (configured)"));
		command.out().flush();
		stopped.await();
		return 0;
	}

	private static boolean free(String bind, int port) {
		try (ServerSocket probe = new ServerSocket()) {
			probe.setReuseAddress(true);
			probe.bind(new InetSocketAddress(bind, port));
			return true;
		} catch (IOException e) {
			return false;
		}
	}
}
