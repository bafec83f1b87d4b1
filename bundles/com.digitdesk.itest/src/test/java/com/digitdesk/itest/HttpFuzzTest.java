package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.data.DataDirectory;
import com.digitdesk.api.training.MnistDatasets;

/**
 * A seeded fuzz run over the API's endpoints with what callers get wrong or send on purpose: malformed
 * multipart bodies, truncated and corrupted images, image bombs (headers declaring 100,000 x 100,000
 * pixels), wrong content types, huge and deeply nested JSON, damaged PDFs. Every answer must be a 4xx with
 * a JSON message, and the server must be up at the end.
 */
@ExtendWith(ServiceExtension.class)
class HttpFuzzTest {

	private static final int CASES = 400;

	@Test
	void everyMalformedRequestGetsA4xxAndTheServerStaysUp(@InjectService(timeout = 20000) ConfigurationAdmin configurations,
			@InjectService(timeout = 20000) DataDirectory data, @InjectService MnistDatasets mnist, @TempDir Path work)
			throws Exception {
		HttpApi api = HttpApi.start(configurations, data.path(), Map.of());
		try {
			byte[] png = HttpApi.picture(mnist.test().image(3), 4, true, "png");
			byte[] jpeg = HttpApi.picture(mnist.test().image(3), 6, true, "jpeg");
			assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", work.toString(), "--pages", "1",
					"--seed", "8")).isZero();
			byte[] pdf = Files.readAllBytes(work.resolve("form-00001.pdf"));
			Random random = new Random(20261207);
			Map<String, Integer> statuses = new TreeMap<>();
			for (int i = 0; i < CASES; i++) {
				int kind = random.nextInt(9);
				HttpApi.Answer answer;
				String what;
				try {
					switch (kind) {
					case 0 -> {
						what = "truncated PNG";
						answer = api.post("api/v1/digits", "image/png", Arrays.copyOf(png, 1 + random.nextInt(png.length - 20)));
					}
					case 1 -> {
						what = "truncated JPEG";
						answer = api.post("api/v1/digits", "image/jpeg", Arrays.copyOf(jpeg, 1 + random.nextInt(jpeg.length - 10)));
					}
					case 2 -> {
						what = "image bomb header";
						int side = 20_000 + random.nextInt(80_001);
						answer = api.post("api/v1/digits", random.nextBoolean() ? "image/png" : "application/json",
								random.nextBoolean() ? HttpApiTest.pngHeader(side, side)
										: ("[\"" + Base64.getEncoder().encodeToString(HttpApiTest.pngHeader(side, side)) + "\"]")
												.getBytes(StandardCharsets.US_ASCII));
					}
					case 3 -> {
						what = "wrong content type";
						String type = List.of("text/plain", "application/xml", "image/gif", "image/tiff", "video/mp4",
								"application/x-www-form-urlencoded", "").get(random.nextInt(7));
						answer = api.post(random.nextBoolean() ? "api/v1/digits" : "api/v1/documents", type,
								random.nextBoolean() ? png : pdf);
					}
					case 4 -> {
						what = "malformed multipart";
						answer = api.post("api/v1/digits", "multipart/form-data; boundary=xyz", malformedMultipart(random, png));
					}
					case 5 -> {
						what = "huge or deep JSON";
						answer = api.post("api/v1/digits", "application/json", hugeJson(random));
					}
					case 6 -> {
						what = "random bytes as an image";
						byte[] noise = new byte[1 + random.nextInt(4096)];
						random.nextBytes(noise);
						answer = api.post("api/v1/digits", List.of("image/png", "image/jpeg", "image/bmp").get(random.nextInt(3)),
								noise);
					}
					case 7 -> {
						what = "damaged PDF";
						byte[] damaged = Arrays.copyOf(pdf, 1 + random.nextInt(pdf.length / 2));
						answer = api.post("api/v1/documents", "application/pdf", damaged);
					}
					default -> {
						what = "JSON of wrong shape";
						String[] shapes = { "{}", "42", "null", "[1,2,3]", "[{\"picture\":\"x\"}]", "[\"\"]", "[]", "\"x\"",
								"[{\"image\":17}]" };
						answer = api.post("api/v1/digits", "application/json",
								shapes[random.nextInt(shapes.length)].getBytes(StandardCharsets.UTF_8));
					}
					}
				} catch (IOException e) {
					// a server may close a connection that sends more than it takes; it must still answer after
					what = "connection closed";
					answer = null;
				}
				if (answer != null) {
					statuses.merge(what + " " + answer.status(), 1, Integer::sum);
					assertThat(answer.status()).as("case %d (%s): %s", i, what, answer.body()).isBetween(400, 499);
					assertThat(answer.error()).as("case %d (%s)", i, what).isNotBlank();
					assertThat(answer.body().toString()).doesNotContain("\tat ").doesNotContain("Exception:");
				} else {
					statuses.merge(what, 1, Integer::sum);
				}
			}
			System.out.println("HttpFuzzTest: " + statuses);
			assertThat(api.get("api/v1/health").status()).isEqualTo(200);
		} finally {
			HttpApi.stop(configurations);
		}
	}

	private static byte[] malformedMultipart(Random random, byte[] png) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		switch (random.nextInt(4)) {
		case 0 -> body.write("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n".getBytes()); // never closed
		case 1 -> body.write("no boundary here at all".getBytes());
		case 2 -> {
			// a part that is no image
			body.write("--xyz\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
					.getBytes());
			body.write(Arrays.copyOf(png, png.length / 3));
			body.write("\r\n--xyz--\r\n".getBytes());
		}
		default -> body.write("--xyz--\r\n".getBytes()); // no parts
		}
		return body.toByteArray();
	}

	private static byte[] hugeJson(Random random) {
		if (random.nextBoolean()) {
			// nested far deeper than any batch
			int depth = 2_000 + random.nextInt(100_000);
			byte[] deep = new byte[depth];
			Arrays.fill(deep, (byte) '[');
			return deep;
		}
		// one string of many megabytes
		StringBuilder big = new StringBuilder("[\"");
		big.append("A".repeat(1 << (20 + random.nextInt(6))));
		return big.append("\"]").toString().getBytes(StandardCharsets.US_ASCII);
	}
}
