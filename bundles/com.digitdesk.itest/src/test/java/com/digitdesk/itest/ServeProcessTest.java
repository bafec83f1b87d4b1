package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.training.MnistDatasets;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code digitdesk serve} as a user runs it: the exported runtime in a process of its own, on a fresh data
 * directory; it prints its URL when it answers, keeps a generated token readable by its owner only, and
 * reads a digit for a caller with that token.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class ServeProcessTest {

	private static final Pattern READY = Pattern.compile("DigitDesk API at (http://\\S+/)api/v1/");

	@Test
	void servePrintsItsUrlAndAnswersWithTheTokenItKeeps(@InjectBundleContext BundleContext context,
			@InjectService MnistDatasets mnist, @TempDir Path work) throws Exception {
		ImporterProcesses runtime = new ImporterProcesses(context, work);
		Path out = work.resolve("serve.out");
		Path err = work.resolve("serve.err");
		Process serve = runtime.start(out, err, "serve", "--port", "0");
		try {
			String base = awaitUrl(serve, out, err);
			Path tokenFile = runtime.dataDirectory.resolve("http.token");
			assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
			HttpClient client = HttpClient.newHttpClient();
			assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/health")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
			HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/digits"))
					.header("Authorization", "Bearer " + token).header("Content-Type", "image/png")
					.POST(HttpRequest.BodyPublishers.ofByteArray(HttpApi.picture(mnist.test().image(0), 2, true, "png")))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
			JsonNode result = HttpApi.JSON.readTree(read.body()).path("results").get(0);
			assertThat(result.path("digit").asInt()).isEqualTo(mnist.test().label(0));
			// the page is served to anyone on this machine; it asks for the token before it reads
			HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<canvas id=\"pad\"").doesNotContain(token);
			// standard output carries the URL lines only
			assertThat(Files.readAllLines(out)).allSatisfy(line -> assertThat(line).matches("(DigitDesk API at|token:) .*"));
		} finally {
			serve.destroy();
			assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve ends when stopped").isTrue();
		}
	}

	private static String awaitUrl(Process serve, Path out, Path err) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			Optional<String> url = Files.readAllLines(out).stream().map(READY::matcher).filter(Matcher::find)
					.map(m -> m.group(1)).findFirst();
			if (url.isPresent()) {
				return url.get();
			}
			assertThat(serve.isAlive()).as("serve ended early: " + Files.readString(err)).isTrue();
			Thread.sleep(200);
		}
		throw new AssertionError("serve printed no URL within 120 s: " + Files.readString(err));
	}
}
