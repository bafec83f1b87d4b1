package com.digitdesk.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.data.DataDirectory;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;

/**
 * {@code digitdesk http-bench}: the HTTP API under load from {@code wrk} on this machine (client and
 * server share its cores): single digits at 32 connections, batches of 64 against the recognizer's own
 * batched speed measured in the same run, and 256 connections to see the server shed load; the figures
 * and the server's peak memory printed.
 */
@Component(service = Subcommand.class, property = Subcommand.NAME + "=http-bench")
public class HttpBenchCommand implements Subcommand {

	/** What the web app this product grew from held under load, for comparison. */
	static final double SEED_APP_REQUESTS_PER_SECOND = 1.8;

	/** Batch callers at once: two per core keep the decoding of one batch beside the reading of another. */
	static final int BATCH_CONNECTIONS = 4;

	private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
	private static final Pattern STATUS = Pattern.compile("STATUS ok=(\\d+) busy=(\\d+) other=(\\d+) retry_after=(\\d+)");
	private static final Pattern LATENCY = Pattern.compile("LATENCY p50=([0-9.]+) p99=([0-9.]+) max=([0-9.]+)");
	private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private final ConfigurationAdmin configurations;
	private final DataDirectory data;
	private final MnistDatasets mnist;
	private final DigitRecognizer recognizer;
	private final BundleContext context;

	@Activate
	public HttpBenchCommand(@Reference ConfigurationAdmin configurations, @Reference DataDirectory data,
			@Reference MnistDatasets mnist, @Reference(target = "(recognizer=cnn)") DigitRecognizer recognizer,
			BundleContext context) {
		this.configurations = configurations;
		this.data = data;
		this.mnist = mnist;
		this.recognizer = recognizer;
		this.context = context;
	}

	@Override
	public String summary() {
		return "load the HTTP API with wrk: single digits, batches, overload; print requests/s, latency, memory";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk http-bench [--seconds N] [--connections N] [--overload N] [--json]

				Starts the HTTP API on a free loopback port of this runtime and loads
				it with wrk (Debian: apt-get install wrk) from this machine:
				 1. one MNIST test digit (PNG) per POST /api/v1/digits, --connections
				    connections (default 32) for --seconds (default 60): requests/s,
				    latency p50/p99, errors;
				 2. batches of 64 digits (JSON, base64 PNG) at 4 connections for half as
				    long: digits/s, against the recognizer's own batched digits/s
				    (10,000 digits in one call, measured in the same run);
				 3. --overload connections (default 256) for half as long: how many
				    were read, how many turned away with 503 and Retry-After, latency;
				and the server's peak resident memory (this process). A warm-up of a
				quarter of --seconds (2 to 10 s) of each load comes first, unmeasured.""";
	}

	@Override
	public int run(CommandContext command) throws Exception {
		CommandOptions options;
		int seconds;
		int connections;
		int overload;
		try {
			options = CommandOptions.parse(command.arguments(), Set.of("--seconds", "--connections", "--overload"),
					Set.of("--json")).withoutPositional();
			seconds = options.getInt("--seconds", 60);
			connections = options.getInt("--connections", 32);
			overload = options.getInt("--overload", 256);
			if (seconds < 2 || connections < 1 || overload < 1) {
				throw new IllegalArgumentException("--seconds needs at least 2, the connections at least 1");
			}
		} catch (IllegalArgumentException e) {
			command.err().println("http-bench: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		Optional<Path> wrk = onPath("wrk");
		if (wrk.isEmpty()) {
			command.err().println("http-bench: wrk is not installed (Debian: apt-get install wrk)");
			return 1;
		}
		ApiEndpoint.configure(configurations, Map.of("port", 0, "bind", "127.0.0.1"));
		Path tokenFile = data.path().resolve(ApiToken.FILE);
		Optional<String> base = ApiEndpoint.await(context, tokenFile, Duration.ofSeconds(60));
		if (base.isEmpty()) {
			command.err().println("http-bench: the API did not start within 60 s");
			return 1;
		}
		String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
		String url = base.get() + "api/v1/digits";
		DigitDataset test = mnist.test();
		Path work = Files.createTempDirectory("digitdesk-http-bench-");
		Map<String, Object> report = new LinkedHashMap<>();
		try {
			byte[] single = png(test.image(0));
			StringBuilder batch = new StringBuilder("[");
			for (int i = 0; i < 64; i++) {
				batch.append(i > 0 ? "," : "").append('"').append(Base64.getEncoder().encodeToString(png(test.image(i))))
						.append('"');
			}
			Path singleScript = script(work, "single", single, "image/png", token);
			Path batchScript = script(work, "batch", batch.append(']').toString().getBytes(StandardCharsets.US_ASCII),
					"application/json", token);

			// the server's code compiled and the recognizer's graph warmed before anything is measured
			int warmUp = Math.max(2, Math.min(10, seconds / 4));
			command.err().printf("http-bench: warming up, %d s%n", 2 * warmUp);
			run(wrk.get(), singleScript, url, connections, warmUp);
			run(wrk.get(), batchScript, url, BATCH_CONNECTIONS, warmUp);
			command.err().printf("http-bench: 1/3 single digits, %d connections, %d s%n", connections, seconds);
			report.put("single", figures(run(wrk.get(), singleScript, url, connections, seconds)));
			command.err().printf("http-bench: 2/3 batches of 64, %d connections, %d s%n", BATCH_CONNECTIONS, seconds / 2);
			Map<String, Object> batches = figures(run(wrk.get(), batchScript, url, BATCH_CONNECTIONS, seconds / 2));
			batches.put("digits_per_second", (double) batches.get("requests_per_second") * 64);
			double peer = recognizerDigitsPerSecond(test);
			batches.put("recognizer_batched_digits_per_second", peer);
			batches.put("ratio_to_recognizer", (double) batches.get("digits_per_second") / peer);
			report.put("batch_64", batches);
			command.err().printf("http-bench: 3/3 overload, %d connections, %d s%n", overload, seconds / 2);
			report.put("overload", figures(run(wrk.get(), singleScript, url, overload, seconds / 2)));
			report.put("peak_rss_mb", peakRssMegabytes());
			report.put("seed_web_app_requests_per_second", SEED_APP_REQUESTS_PER_SECOND);
		} finally {
			try (var files = Files.list(work)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
			}
			Files.deleteIfExists(work);
			configurations.getConfiguration(HttpApiConfiguration.PID, "?").delete();
		}
		if (options.has("--json")) {
			command.out().println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(report));
		} else {
			print(command, report, connections, overload);
		}
		return 0;
	}

	@SuppressWarnings("unchecked")
	private static void print(CommandContext command, Map<String, Object> report, int connections, int overload) {
		Map<String, Object> single = (Map<String, Object>) report.get("single");
		Map<String, Object> batch = (Map<String, Object>) report.get("batch_64");
		Map<String, Object> over = (Map<String, Object>) report.get("overload");
		var out = command.out();
		out.printf(Locale.ROOT, "Single digits, %d connections   %.0f requests/s (%.0fx the seed web app's %.1f), "
				+ "p50 %.1f ms, p99 %.1f ms, %d read, %d errors%n", connections, single.get("requests_per_second"),
				(double) single.get("requests_per_second") / SEED_APP_REQUESTS_PER_SECOND, SEED_APP_REQUESTS_PER_SECOND,
				single.get("p50_ms"), single.get("p99_ms"), single.get("ok"), single.get("errors"));
		out.printf(Locale.ROOT, "Batches of 64, " + BATCH_CONNECTIONS + " connections    %.0f digits/s = %.0f%% of the recognizer's batched "
				+ "%.0f digits/s, p99 %.1f ms, %d errors%n", batch.get("digits_per_second"),
				100 * (double) batch.get("ratio_to_recognizer"), batch.get("recognizer_batched_digits_per_second"),
				batch.get("p99_ms"), batch.get("errors"));
		out.printf(Locale.ROOT, "Overload, %d connections       %.0f answers/s: %d read, %d turned away (503, %d with "
				+ "Retry-After), %d other errors, p99 %.1f ms%n", overload, over.get("requests_per_second"), over.get("ok"),
				over.get("busy"), over.get("retry_after"), over.get("errors"), over.get("p99_ms"));
		out.printf(Locale.ROOT, "Server peak RSS                 %.0f MB%n", report.get("peak_rss_mb"));
	}

	/** Runs wrk; its whole output. */
	private static String run(Path wrk, Path script, String url, int connections, int seconds)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t", Integer.toString(Math.min(2, connections)),
				"-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "10s", "--latency", "-s",
				script.toString(), url));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		process.getInputStream().transferTo(output);
		if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException("wrk failed: " + output.toString(StandardCharsets.UTF_8));
		}
		return output.toString(StandardCharsets.UTF_8);
	}

	/** What one wrk run says: requests/s, statuses, latency, errors. */
	private static Map<String, Object> figures(String wrk) throws IOException {
		Map<String, Object> figures = new LinkedHashMap<>();
		Matcher requests = find(REQUESTS, wrk);
		Matcher status = find(STATUS, wrk);
		Matcher latency = find(LATENCY, wrk);
		Matcher sockets = SOCKET_ERRORS.matcher(wrk);
		long socketErrors = 0;
		if (sockets.find()) {
			for (int g = 1; g <= 4; g++) {
				socketErrors += Long.parseLong(sockets.group(g));
			}
		}
		figures.put("requests_per_second", Double.parseDouble(requests.group(1)));
		figures.put("ok", Long.parseLong(status.group(1)));
		figures.put("busy", Long.parseLong(status.group(2)));
		figures.put("retry_after", Long.parseLong(status.group(4)));
		figures.put("errors", Long.parseLong(status.group(3)) + socketErrors);
		// wrk measures in microseconds
		figures.put("p50_ms", Double.parseDouble(latency.group(1)) / 1000);
		figures.put("p99_ms", Double.parseDouble(latency.group(2)) / 1000);
		figures.put("max_ms", Double.parseDouble(latency.group(3)) / 1000);
		return figures;
	}

	private static Matcher find(Pattern pattern, String text) throws IOException {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IOException("wrk said no " + pattern + ": " + text);
		}
		return matcher;
	}

	/**
	 * A wrk script posting {@code body}; it counts answers by status (503s with their Retry-After apart) and
	 * prints them with the latency percentiles.
	 */
	private static Path script(Path work, String name, byte[] body, String type, String token) throws IOException {
		Path bodyFile = Files.write(work.resolve(name + ".body"), body);
		String lua = """
				wrk.method = "POST"
				wrk.headers["Content-Type"] = "%s"
				wrk.headers["Authorization"] = "Bearer %s"
				local file = io.open("%s", "rb")
				wrk.body = file:read("*all")
				file:close()
				local threads = {}
				function setup(thread) table.insert(threads, thread) end
				function init(args) ok = 0; busy = 0; other = 0; retry_after = 0 end
				function response(status, headers, body)
				  if status == 200 then ok = ok + 1
				  elseif status == 503 then
				    busy = busy + 1
				    if headers["Retry-After"] ~= nil then retry_after = retry_after + 1 end
				  else other = other + 1 end
				end
				function done(summary, latency, requests)
				  local o, b, x, r = 0, 0, 0, 0
				  for _, t in ipairs(threads) do
				    o = o + t:get("ok"); b = b + t:get("busy"); x = x + t:get("other"); r = r + t:get("retry_after")
				  end
				  io.write(string.format("STATUS ok=%%d busy=%%d other=%%d retry_after=%%d\\n", o, b, x, r))
				  io.write(string.format("LATENCY p50=%%f p99=%%f max=%%f\\n", latency:percentile(50),
				    latency:percentile(99), latency.max))
				end
				""".formatted(type, token, bodyFile);
		return Files.writeString(work.resolve(name + ".lua"), lua);
	}

	/** The recognizer's own batched speed (all 10,000 MNIST test digits in one call), best of two. */
	private double recognizerDigitsPerSecond(DigitDataset test) throws Exception {
		List<DigitImage> all = new ArrayList<>(test.size());
		for (int i = 0; i < test.size(); i++) {
			all.add(test.image(i));
		}
		recognizer.recognize(all.subList(0, 1000));
		double best = 0;
		for (int round = 0; round < 2; round++) {
			long start = System.nanoTime();
			recognizer.recognize(all);
			best = Math.max(best, all.size() / ((System.nanoTime() - start) / 1e9));
		}
		return best;
	}

	private static byte[] png(DigitImage digit) throws IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(DigitImage.SIDE, DigitImage.SIDE,
				java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < DigitImage.SIDE; y++) {
			for (int x = 0; x < DigitImage.SIDE; x++) {
				image.getRaster().setSample(x, y, 0, digit.ink(x, y));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** This process's peak resident memory (VmHWM), in MB. */
	private static double peakRssMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	private static Optional<Path> onPath(String program) {
		for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			Path candidate = Path.of(folder, program);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}
}
