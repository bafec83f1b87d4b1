package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.data.DataDirectory;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.MnistDatasets;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The recognition service over HTTP, called as another program calls it: real MNIST test digits as PNG,
 * JPEG and BMP pictures of other sizes and polarity, batches, generated and hostile PDFs, bad requests,
 * and a server pushed past its queue.
 */
@ExtendWith(ServiceExtension.class)
class HttpApiTest {

	@InjectService(timeout = 20000)
	static ConfigurationAdmin configurations;

	@InjectService(timeout = 20000)
	static DataDirectory data;

	static HttpApi api;

	@BeforeAll
	static void serve() throws Exception {
		api = HttpApi.start(configurations, data.path(), Map.of());
	}

	@AfterAll
	static void stop() throws Exception {
		HttpApi.stop(configurations);
	}

	@Test
	void aCallWithoutTheServersTokenIsRefusedAndTheGeneratedTokenIsTheOwnersAlone() throws Exception {
		HttpApi.Answer none = api.send(HttpRequest.newBuilder(URI.create(api.base + "api/v1/health")).GET());
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(none.error()).contains("bearer token");
		HttpApi.Answer wrong = api.send(HttpRequest.newBuilder(URI.create(api.base + "api/v1/digits"))
				.header("Authorization", "Bearer " + api.token + "x").header("Content-Type", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 1 })));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(Files.getPosixFilePermissions(data.path().resolve("http.token")))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(api.token).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void digitsAreReadAsTheRecognizerReadsThemWhateverTheirPictureSizeFormatAndPolarity(
			@InjectService MnistDatasets mnist, @InjectService(filter = "(recognizer=cnn)") DigitRecognizer recognizer)
			throws Exception {
		DigitDataset test = mnist.test();
		int right = 0;
		int sameInEveryPicture = 0;
		int n = 60;
		List<DigitPrediction> direct = recognizer.recognize(
				java.util.stream.IntStream.range(0, n).mapToObj(test::image).toList());
		for (int i = 0; i < n; i++) {
			DigitImage digit = test.image(i);
			JsonNode png = single(api.post("api/v1/digits", "image/png", HttpApi.picture(digit, 1, false, "png")));
			// the 28x28 MNIST picture is normalized again, as a cut glyph is; it reads as the digit read directly
			assertThat(png.path("digit").asInt()).as("digit %d", i).isEqualTo(direct.get(i).top().digit());
			assertThat(png.path("ranked")).hasSize(11);
			double sum = 0;
			for (JsonNode choice : png.path("ranked")) {
				sum += choice.path("probability").asDouble();
			}
			assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
			if (png.path("digit").asInt() == test.label(i)) {
				right++;
			}
			JsonNode jpeg = single(api.post("api/v1/digits", "image/jpeg", HttpApi.picture(digit, 7, true, "jpeg")));
			JsonNode bmp = single(api.post("api/v1/digits", "image/bmp", HttpApi.picture(digit, 3, true, "bmp")));
			if (jpeg.path("digit").asInt() == png.path("digit").asInt()
					&& bmp.path("digit").asInt() == png.path("digit").asInt()) {
				sameInEveryPicture++;
			}
		}
		assertThat(right).as("MNIST test digits read right").isGreaterThanOrEqualTo(n - 2);
		assertThat(sameInEveryPicture).as("read alike as 28x28 PNG, 196x196 dark-on-light JPEG, 84x84 BMP")
				.isGreaterThanOrEqualTo(n - 2);
	}

	@Test
	void aBatchIsAnsweredImageByImageInOrderAsJsonOrMultipart(@InjectService MnistDatasets mnist) throws Exception {
		DigitDataset test = mnist.test();
		List<byte[]> pictures = new ArrayList<>();
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < 64; i++) {
			byte[] png = HttpApi.picture(test.image(100 + i), 1, false, "png");
			pictures.add(png);
			String encoded = Base64.getEncoder().encodeToString(png);
			// strings, objects and data URLs are all taken
			json.append(i > 0 ? "," : "").append(i % 3 == 0 ? "\"" + encoded + "\""
					: i % 3 == 1 ? "{\"image\":\"" + encoded + "\"}" : "\"data:image/png;base64," + encoded + "\"");
		}
		HttpApi.Answer batch = api.post("api/v1/digits", "application/json",
				json.append("]").toString().getBytes(StandardCharsets.UTF_8));
		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.body().path("results")).hasSize(64);
		assertThat(batch.body().path("model_version").asText()).isNotBlank();
		for (int i = 0; i < 64; i += 9) {
			JsonNode alone = single(api.post("api/v1/digits", "image/png", pictures.get(i)));
			assertThat(batch.body().path("results").get(i).path("digit").asInt()).isEqualTo(alone.path("digit").asInt());
			assertThat(batch.body().path("results").get(i).path("probability").asDouble())
					.isCloseTo(alone.path("probability").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
		}
		String boundary = "digitdesk-test-boundary";
		ByteArrayOutputStream multipart = new ByteArrayOutputStream();
		for (int i = 0; i < 3; i++) {
			multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"digit" + i
					+ "\"; filename=\"d" + i + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			multipart.write(pictures.get(i));
			multipart.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		multipart.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpApi.Answer parts = api.post("api/v1/digits", "multipart/form-data; boundary=" + boundary,
				multipart.toByteArray());
		assertThat(parts.status()).isEqualTo(200);
		assertThat(parts.body().path("results")).hasSize(3);
		for (int i = 0; i < 3; i++) {
			assertThat(parts.body().path("results").get(i).path("digit").asInt())
					.isEqualTo(batch.body().path("results").get(i).path("digit").asInt());
		}
	}

	@Test
	void whatIsNoImageOrTooLargeGetsA4xxWithAMessage(@InjectService MnistDatasets mnist) throws Exception {
		byte[] png = HttpApi.picture(mnist.test().image(0), 1, false, "png");
		byte[] jpeg = HttpApi.picture(mnist.test().image(0), 8, true, "jpeg");
		expect(api.post("api/v1/digits", "text/plain", "seven".getBytes()), 415, "image/png");
		expect(api.post("api/v1/digits", "image/png", "not a png at all".getBytes()), 415, "PNG");
		expect(api.post("api/v1/digits", "image/png", Arrays.copyOf(png, png.length / 2)), 415, "PNG");
		expect(api.post("api/v1/digits", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)), 415, "JPEG");
		expect(api.post("api/v1/digits", "image/png", pngHeader(100_000, 100_000)), 413, "100000 x 100000");
		expect(api.post("api/v1/digits", "image/png", new byte[0]), 400, "no body");
		expect(api.post("api/v1/digits", "application/json", "{\"image\":".getBytes()), 400, "JSON");
		expect(api.post("api/v1/digits", "application/json", "[\"@@@\"]".getBytes()), 400, "base64");
		String tooMany = "[" + String.join(",", java.util.Collections.nCopies(257,
				"\"" + Base64.getEncoder().encodeToString(png) + "\"")) + "]";
		expect(api.post("api/v1/digits", "application/json", tooMany.getBytes()), 413, "257 images");
		byte[] huge = new byte[33 * 1024 * 1024];
		Arrays.fill(huge, (byte) '[');
		// the server answers 413 as soon as it sees the declared length and closes the connection; a client
		// still sending the body may see the connection closed before it reads the answer
		try {
			expect(api.post("api/v1/digits", "application/json", huge), 413, "larger");
		} catch (java.io.IOException closedWhileSending) {
			assertThat(api.get("api/v1/health").status()).isEqualTo(200);
		}
		expect(api.get("api/v1/digits"), 405, "POST");
		assertThat(api.get("api/v1/health").status()).isEqualTo(200);
	}

	@Test
	void aDocumentIsReadAsTheImporterReadsItAndAHostileOneGets422WhileTheServerStaysUp(@TempDir Path work)
			throws Exception {
		Path forms = work.resolve("forms");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", forms.toString(), "--pages", "2",
				"--seed", "2112")).isZero();
		Path pdf = forms.resolve("form-00001.pdf");
		JsonNode truth = HttpApi.JSON.readTree(forms.resolve("form-00001.json").toFile()).path("pages").get(0);
		HttpApi.Answer read = api.post("api/v1/documents?name=form-00001.pdf", "application/pdf", Files.readAllBytes(pdf));
		assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
		JsonNode page = read.body().path("pages").get(0);
		assertThat(page.path("template").asText()).isEqualTo(truth.path("template").asText());
		int right = 0;
		for (JsonNode field : page.path("fields")) {
			assertThat(field.path("status").asText()).isIn("auto_accepted", "needs_review");
			if (field.path("value").asText().equals(truth.path("fields").path(field.path("name").asText()).asText())) {
				right++;
			}
		}
		assertThat(right).as("fields read right of " + page.path("fields").size())
				.isGreaterThanOrEqualTo(page.path("fields").size() - 2);

		Path hostile = work.resolve("hostile");
		assertThat(Commands.run(new ByteArrayOutputStream(), "hostile-corpus", "--out", hostile.toString())).isZero();
		for (String name : List.of("random-bytes.pdf", "truncated.pdf", "zero-pages.pdf", "encrypted-user-password.pdf",
				"type3-pattern-recursion.pdf", "flate-bomb-content.pdf", "jbig2-huge-page.pdf")) {
			HttpApi.Answer refused = api.post("api/v1/documents?name=" + name, "application/pdf",
					Files.readAllBytes(hostile.resolve(name)));
			assertThat(refused.status()).as(name + ": " + refused.body()).isEqualTo(422);
			assertThat(refused.error()).as(name).startsWith(name).doesNotContain(data.path().toString());
		}
		expect(api.post("api/v1/documents", "image/png", Files.readAllBytes(pdf)), 415, "application/pdf");
		assertThat(api.get("api/v1/health").status()).isEqualTo(200);

		// a form no earlier run stored (the store keeps one copy of a content)
		Path fresh = work.resolve("fresh");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", fresh.toString(), "--pages", "1",
				"--seed", Long.toString(System.nanoTime() % 1_000_000_000L))).isZero();
		HttpApi.Answer stored = api.post("api/v1/documents?store=true&name=stored-form.pdf", "application/pdf",
				Files.readAllBytes(fresh.resolve("form-00001.pdf")));
		assertThat(stored.status()).as(stored.body().toString()).isEqualTo(200);
		assertThat(stored.body().path("stored").path("state").asText()).as(stored.body().toString()).isEqualTo("done");
		assertThat(stored.body().path("stored").path("fields").asInt()).isPositive();
		ByteArrayOutputStream export = new ByteArrayOutputStream();
		assertThat(Commands.run(export, "export", "--format", "csv")).isZero();
		assertThat(export.toString(StandardCharsets.UTF_8)).contains("stored-form.pdf");
	}

	@Test
	void healthModelsAndTheApisDescriptionAreServed() throws Exception {
		HttpApi.Answer health = api.get("api/v1/health");
		assertThat(health.body().path("status").asText()).isEqualTo("up");
		HttpApi.Answer models = api.get("api/v1/models");
		assertThat(models.status()).isEqualTo(200);
		assertThat(models.body().path("reading_with").path("model_version").asText())
				.isEqualTo(health.body().path("model_version").asText());
		assertThat(models.body().path("store_versions").isArray()).isTrue();
		HttpApi.Answer openApi = api.get("api/v1/openapi.json");
		assertThat(openApi.body().path("openapi").asText()).startsWith("3.");
		assertThat(openApi.body().path("paths").fieldNames()).toIterable().contains("/api/v1/digits",
				"/api/v1/documents", "/api/v1/health", "/api/v1/models");
	}

	@Test
	void aServerBehindTurnsCallersAwayWith503AndRetryAfterInsteadOfKeepingThemWaiting(
			@InjectService MnistDatasets mnist) throws Exception {
		// a queue of one digit: every request that finds another one waiting is turned away
		HttpApi tight = HttpApi.start(configurations, data.path(), Map.of("maxWaitingDigits", 1));
		byte[] png = HttpApi.picture(mnist.test().image(7), 1, false, "png");
		ExecutorService callers = Executors.newFixedThreadPool(48);
		try {
			List<Future<HttpApi.Answer>> answers = new ArrayList<>();
			for (int i = 0; i < 480; i++) {
				answers.add(callers.submit(() -> tight.post("api/v1/digits", "image/png", png)));
			}
			int ok = 0;
			int busy = 0;
			for (Future<HttpApi.Answer> answer : answers) {
				HttpApi.Answer a = answer.get();
				assertThat(a.status()).isIn(200, 503);
				if (a.status() == 503) {
					busy++;
					assertThat(a.headers().firstValue("Retry-After")).hasValue("1");
					assertThat(a.error()).contains("waiting");
				} else {
					ok++;
				}
			}
			assertThat(busy).as("turned away").isPositive();
			assertThat(ok).as("read").isPositive();
		} finally {
			callers.shutdownNow();
			api = HttpApi.start(configurations, data.path(), Map.of());
		}
	}

	/** The one result of a single-image call. */
	private static JsonNode single(HttpApi.Answer answer) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		assertThat(answer.body().path("results")).hasSize(1);
		return answer.body().path("results").get(0);
	}

	private static void expect(HttpApi.Answer answer, int status, String inMessage) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
		assertThat(answer.error()).contains(inMessage);
		assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	/** The first bytes of a PNG that declares {@code width} x {@code height} pixels (an image bomb's header). */
	static byte[] pngHeader(int width, int height) {
		java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(8 + 25);
		header.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		header.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
		header.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(header.array(), 12, 17);
		header.putInt((int) crc.getValue());
		return header.array();
	}
}
