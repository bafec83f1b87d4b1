package com.digitdesk.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's headless Chromium as a child process, driven over the DevTools protocol (a WebSocket): what a
 * browser test needs of it (navigate, evaluate, real mouse events, a screenshot), no more.
 */
final class Chromium implements AutoCloseable {

	static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

	private final Process process;
	private final WebSocket socket;
	private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
	private final AtomicInteger ids = new AtomicInteger();

	private Chromium(Process process, WebSocket socket) {
		this.process = process;
		this.socket = socket;
	}

	static Chromium start(Path profile, int width, int height) throws Exception {
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new AssertionError(EXECUTABLE + " is missing: install Debian's chromium (.ci/run does)");
		}
		Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
				"--window-size=" + width + "," + height, "about:blank").redirectErrorStream(true)
				.redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
		Path portFile = profile.resolve("DevToolsActivePort");
		long deadline = System.currentTimeMillis() + 30_000;
		while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
			if (System.currentTimeMillis() > deadline || !process.isAlive()) {
				process.destroyForcibly();
				throw new AssertionError("chromium did not open its DevTools port within 30 s");
			}
			Thread.sleep(100);
		}
		String port = Files.readAllLines(portFile).get(0).strip();
		HttpClient client = HttpClient.newHttpClient();
		JsonNode pages = HttpApi.JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
		String pageSocket = null;
		for (JsonNode page : pages) {
			if (page.path("type").asText().equals("page")) {
				pageSocket = page.path("webSocketDebuggerUrl").asText();
			}
		}
		if (pageSocket == null) {
			process.destroyForcibly();
			throw new AssertionError("chromium shows no page: " + pages);
		}
		BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
		WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
			private final StringBuilder frame = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				frame.append(data);
				if (last) {
					try {
						queue.add(HttpApi.JSON.readTree(frame.toString()));
					} catch (IOException e) {
						throw new IllegalStateException(e);
					}
					frame.setLength(0);
				}
				webSocket.request(1);
				return null;
			}
		}).get(10, TimeUnit.SECONDS);
		Chromium chromium = new Chromium(process, socket);
		chromium.drain(queue);
		return chromium;
	}

	private void drain(BlockingQueue<JsonNode> from) {
		Thread pump = new Thread(() -> {
			try {
				while (true) {
					messages.add(from.take());
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "chromium-messages");
		pump.setDaemon(true);
		pump.start();
	}

	/** Sends a DevTools command and returns its result (events met on the way are dropped). */
	JsonNode call(String method, Map<String, Object> params) throws Exception {
		int id = ids.incrementAndGet();
		ObjectNode command = HttpApi.JSON.createObjectNode().put("id", id).put("method", method);
		command.set("params", HttpApi.JSON.valueToTree(params));
		socket.sendText(HttpApi.JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			JsonNode message = messages.poll(500, TimeUnit.MILLISECONDS);
			if (message != null && message.path("id").asInt() == id) {
				if (message.has("error")) {
					throw new AssertionError(method + " failed: " + message.path("error"));
				}
				return message.path("result");
			}
		}
		throw new AssertionError(method + " had no answer within 30 s");
	}

	/** Evaluates a JavaScript expression in the page; its value as JSON. */
	JsonNode evaluate(String expression) throws Exception {
		JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
				"awaitPromise", true));
		if (result.has("exceptionDetails")) {
			throw new AssertionError(expression + " threw: " + result.path("exceptionDetails"));
		}
		return result.path("result").path("value");
	}

	/** Waits until a JavaScript expression is true. */
	void await(String condition, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + within.toSeconds() + " s: " + condition);
			}
			Thread.sleep(100);
		}
	}

	/** A stroke of the mouse's left button through the given page points, as a person draws it. */
	void stroke(List<double[]> points) throws Exception {
		double[] first = points.get(0);
		call("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", first[0], "y", first[1], "button", "left",
				"buttons", 1, "clickCount", 1));
		for (int i = 1; i < points.size(); i++) {
			double[] from = points.get(i - 1);
			double[] to = points.get(i);
			for (int step = 1; step <= 12; step++) {
				double t = step / 12.0;
				call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", from[0] + (to[0] - from[0]) * t, "y",
						from[1] + (to[1] - from[1]) * t, "button", "left", "buttons", 1));
			}
		}
		double[] last = points.get(points.size() - 1);
		call("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", last[0], "y", last[1], "button", "left",
				"buttons", 0, "clickCount", 1));
	}

	byte[] screenshot() throws Exception {
		String data = call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
		return java.util.Base64.getDecoder().decode(data.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Ends the browser and every process it started (renderers, the GPU
	 * process), and waits for them: they write into the profile until they
	 * exit, and the profile's folder is deleted after the test.
	 */
	@Override
	public void close() throws Exception {
		try {
			socket.abort();
		} finally {
			List<ProcessHandle> helpers = process.descendants().toList();
			process.destroy();
			helpers.forEach(ProcessHandle::destroy);
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			for (ProcessHandle helper : helpers) {
				try {
					helper.onExit().get(10, TimeUnit.SECONDS);
				} catch (TimeoutException e) {
					helper.destroyForcibly();
				}
			}
		}
	}
}
