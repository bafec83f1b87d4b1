package com.digitdesk.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * {@code POST /api/v1/digits}: one image as the body, or a batch (multipart, or a JSON array of base64
 * images, each a string or an object with {@code image}); every image normalized as the form reader
 * normalizes a glyph and read by the recognizer; one result per image with its ranked, calibrated classes.
 */
// exists only while the API is configured, like its server
@Component(service = Servlet.class, configurationPid = HttpApiConfiguration.PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern("/api/v1/digits")
@HttpWhiteboardServletMultipart(maxFileSize = 64L * 1024 * 1024, maxRequestSize = 256L * 1024 * 1024)
@HttpWhiteboardTarget(ApiServer.TARGET)
public class DigitsServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	/** Line breaks and blanks in base64 text (as MIME writes it) are no data. */
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** How long a request waits for its batch to be read before it is answered 503. */
	private static final long READ_TIMEOUT_SECONDS = 30;

	private final transient DigitRecognizer recognizer;
	private final transient DigitNormalizer normalizer;
	private final transient ApiServer server;
	private final transient DigitQueue queue;
	/** Pixels being decoded at once: two of the largest images; a few large pictures cannot take the heap. */
	private final transient Semaphore decoding;

	@Activate
	public DigitsServlet(@Reference(target = "(recognizer=cnn)") DigitRecognizer recognizer,
			@Reference DigitNormalizer normalizer,
			@Reference ApiServer server) {
		this.recognizer = recognizer;
		this.normalizer = normalizer;
		this.server = server;
		this.queue = new DigitQueue(recognizer, () -> server.config().maxWaitingDigits(),
				() -> server.config().recognizerBatch());
		this.decoding = new Semaphore((int) Math.min(Integer.MAX_VALUE, 2L * server.config().maxImagePixels()));
	}

	@Deactivate
	void deactivate() {
		queue.close();
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		long started = System.nanoTime();
		HttpApiConfiguration config = server.config();
		try {
			List<DigitImage> glyphs = glyphs(request, config);
			List<DigitPrediction> read = queue.submit(glyphs).get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("results", read.stream().map(DigitsServlet::result).toList());
			body.put("model_version", recognizer.info().modelId());
			body.put("millis", (System.nanoTime() - started) / 1e6);
			Exchange.json(response, 200, body);
		} catch (ApiError e) {
			Exchange.error(response, e, config.retryAfterSeconds());
		} catch (TimeoutException e) {
			Exchange.error(response, ApiError.busy("the recognizer did not read the digits within "
					+ READ_TIMEOUT_SECONDS + " s"), config.retryAfterSeconds());
		} catch (ExecutionException e) {
			Exchange.error(response, new ApiError(500, "the recognizer failed: " + e.getCause().getMessage()),
					config.retryAfterSeconds());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			Exchange.error(response, ApiError.busy("the server is stopping"), config.retryAfterSeconds());
		}
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Exchange.error(response, new ApiError(405, "POST an image (or a batch of them) to " + request.getRequestURI()),
				0);
	}

	/** The request's images as normalized glyphs, whichever way they came. */
	private List<DigitImage> glyphs(HttpServletRequest request, HttpApiConfiguration config)
			throws IOException, ApiError, ServletException {
		String type = Exchange.mediaType(request);
		if (type.startsWith("multipart/")) {
			return fromParts(request, config);
		}
		if (type.equals("application/json")) {
			return fromJson(Exchange.body(request, config.maxBatchBytes(), "a batch"), config);
		}
		ImageInk.Format format = ImageInk.Format.ofMediaType(type);
		byte[] image = Exchange.body(request, config.maxImageBytes(), "an image");
		return List.of(glyph(image, format, config, "the image"));
	}

	private List<DigitImage> fromParts(HttpServletRequest request, HttpApiConfiguration config)
			throws IOException, ApiError, ServletException {
		if (request.getContentLengthLong() > config.maxBatchBytes()) {
			throw ApiError.tooLarge("a batch of " + request.getContentLengthLong() + " bytes is larger than the "
					+ config.maxBatchBytes() + " accepted");
		}
		List<Part> parts;
		try {
			parts = new ArrayList<>(request.getParts());
		} catch (IllegalStateException e) {
			throw ApiError.tooLarge("a batch is larger than this server accepts: " + e.getMessage());
		} catch (IOException | ServletException e) {
			throw ApiError.badRequest("the multipart body cannot be read: " + e.getMessage());
		}
		if (parts.isEmpty()) {
			throw ApiError.badRequest("the multipart body holds no image");
		}
		if (parts.size() > config.maxBatch()) {
			throw ApiError.tooLarge("a batch of " + parts.size() + " images is more than the " + config.maxBatch()
					+ " accepted");
		}
		List<DigitImage> glyphs = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			String what = "image " + (i + 1) + " (part \"" + part.getName() + "\")";
			if (part.getSize() > config.maxImageBytes()) {
				throw ApiError.tooLarge(what + " of " + part.getSize() + " bytes is larger than the "
						+ config.maxImageBytes() + " accepted");
			}
			byte[] bytes = part.getInputStream().readAllBytes();
			String partType = part.getContentType() == null ? "" : part.getContentType().toLowerCase();
			ImageInk.Format format = partType.startsWith("image/") ? ImageInk.Format.ofMediaType(partType)
					: ImageInk.Format.sniff(bytes, what);
			glyphs.add(glyph(bytes, format, config, what));
		}
		return glyphs;
	}

	private List<DigitImage> fromJson(byte[] body, HttpApiConfiguration config) throws ApiError {
		JsonNode batch;
		try {
			batch = Exchange.JSON.readTree(body);
		} catch (JacksonException e) {
			throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage());
		} catch (IOException e) {
			throw ApiError.badRequest("the body cannot be read: " + e.getMessage());
		}
		if (batch == null || !batch.isArray()) {
			throw ApiError.badRequest("a JSON batch is an array of base64 images (strings, or objects with \"image\")");
		}
		if (batch.isEmpty()) {
			throw ApiError.badRequest("the batch holds no image");
		}
		if (batch.size() > config.maxBatch()) {
			throw ApiError.tooLarge("a batch of " + batch.size() + " images is more than the " + config.maxBatch()
					+ " accepted");
		}
		List<DigitImage> glyphs = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			String what = "image " + (i + 1);
			JsonNode item = batch.get(i);
			JsonNode encoded = item.isObject() ? item.get("image") : item;
			if (encoded == null || !encoded.isTextual()) {
				throw ApiError.badRequest(what + " is neither a base64 string nor an object with \"image\"");
			}
			byte[] bytes;
			try {
				String text = encoded.asText();
				// a data URL as a browser's canvas gives it is taken as well
				int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
				bytes = Base64.getDecoder().decode(WHITESPACE.matcher(text.substring(comma + 1)).replaceAll(""));
			} catch (IllegalArgumentException e) {
				throw ApiError.badRequest(what + " is not base64: " + e.getMessage());
			}
			if (bytes.length > config.maxImageBytes()) {
				throw ApiError.tooLarge(what + " of " + bytes.length + " bytes is larger than the "
						+ config.maxImageBytes() + " accepted");
			}
			glyphs.add(glyph(bytes, ImageInk.Format.sniff(bytes, what), config, what));
		}
		return glyphs;
	}

	private DigitImage glyph(byte[] bytes, ImageInk.Format format, HttpApiConfiguration config, String what)
			throws ApiError {
		ImageInk ink = ImageInk.decode(bytes, format, config.maxImagePixels(), decoding, what);
		return normalizer.normalize(ink.width(), ink.height(), ink.ink());
	}

	private static Map<String, Object> result(DigitPrediction prediction) {
		Map<String, Object> result = new LinkedHashMap<>();
		ClassProbability top = prediction.top();
		result.put("digit", top.digit());
		result.put("probability", top.probability());
		result.put("ranked", prediction.ranked().stream()
				.map(DigitsServlet::choice).toList());
		return result;
	}

	private static Map<String, Object> choice(ClassProbability choice) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("digit", choice.digit());
		json.put("probability", choice.probability());
		return json;
	}
}
