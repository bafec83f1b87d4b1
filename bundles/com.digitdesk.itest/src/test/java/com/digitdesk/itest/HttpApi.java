package com.digitdesk.itest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import javax.imageio.ImageIO;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.digitdesk.api.recognition.DigitImage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP API of the test framework as a caller sees it: configured (its own server on a free loopback
 * port), found by its server's endpoint, called with java.net.http and the token from the data directory.
 */
final class HttpApi {

	static final ObjectMapper JSON = new ObjectMapper();

	record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
		String error() {
			return body.path("error").asText();
		}
	}

	final String base;
	final String token;
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private HttpApi(String base, String token) {
		this.base = base;
		this.token = token;
	}

	/** The API served at {@code base} (ending in /), called with {@code token}. */
	static HttpApi at(String base, String token) {
		return new HttpApi(base, token);
	}

	/** Configures the API with {@code settings} (on a free port) and waits until it answers. */
	static HttpApi start(ConfigurationAdmin configurations, Path dataDirectory, Map<String, Object> settings)
			throws Exception {
		Configuration api = configurations.getConfiguration("com.digitdesk.http", "?");
		Dictionary<String, Object> properties = new Hashtable<>(Map.of("port", 0, "bind", "127.0.0.1"));
		settings.forEach(properties::put);
		api.update(properties);
		BundleContext context = FrameworkUtil.getBundle(HttpApi.class).getBundleContext();
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			ServiceReference<?>[] runtimes = context.getServiceReferences((String) null,
					"(&(objectClass=org.osgi.service.servlet.runtime.HttpServiceRuntime)(digitdesk.http=api))");
			Path tokenFile = dataDirectory.resolve("http.token");
			if (runtimes != null && Files.isRegularFile(tokenFile)) {
				Object endpoint = runtimes[0].getProperty("osgi.http.endpoint");
				String url = endpoint instanceof String[] urls ? urls[0]
						: endpoint instanceof java.util.Collection<?> urls ? String.valueOf(urls.iterator().next())
								: String.valueOf(endpoint);
				HttpApi found = new HttpApi(url.endsWith("/") ? url : url + "/",
						Files.readString(tokenFile, StandardCharsets.UTF_8).strip());
				try {
					if (found.get("api/v1/health").status() == 200) {
						return found;
					}
				} catch (IOException e) {
					// not listening yet
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the HTTP API did not answer within 60 s");
	}

	/** Takes the API's configuration away: its server and servlets go. */
	static void stop(ConfigurationAdmin configurations) throws IOException {
		Configuration api = configurations.getConfiguration("com.digitdesk.http", "?");
		api.delete();
	}

	Answer get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
	}

	Answer post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
				.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = request.timeout(Duration.ofSeconds(120)).build();
		HttpResponse<byte[]> response;
		try {
			response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
		} catch (IOException e) {
			if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
				throw e;
			}
			// The client took a kept-alive connection the server had just closed after an error answer: the
			// request never reached the server, so it is sent once more (the client retries only GETs itself).
			response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
		}
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		} catch (IOException e) {
			throw new AssertionError("status " + response.statusCode() + " with a body that is no JSON: "
					+ new String(response.body(), StandardCharsets.UTF_8), e);
		}
		return new Answer(response.statusCode(), body, response.headers());
	}

	/** An MNIST digit as a picture a caller would send: {@code scale} times larger, in the given format. */
	static byte[] picture(DigitImage digit, int scale, boolean darkOnLight, String format) throws IOException {
		int side = DigitImage.SIDE * scale;
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				int ink = digit.ink(x / scale, y / scale);
				int gray = darkOnLight ? 255 - ink : ink;
				image.setRGB(x, y, gray * 0x010101);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, format, out)) {
			throw new IOException("no writer for " + format);
		}
		return out.toByteArray();
	}
}
