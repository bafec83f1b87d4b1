package com.digitdesk.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What every endpoint does with a request's body and its answer: bounded reads, JSON out, errors as JSON. */
final class Exchange {

	static final ObjectMapper JSON = new ObjectMapper();
	private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

	private Exchange() {
	}

	/**
	 * The request's body, refused with 413 as soon as it passes {@code limit} bytes (by its declared
	 * length, or while it is read when it declares none), so no caller makes the server hold more.
	 */
	static byte[] body(HttpServletRequest request, long limit, String what) throws IOException, ApiError {
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			throw ApiError.tooLarge(what + " of " + declared + " bytes is larger than the " + limit + " accepted");
		}
		try (InputStream in = request.getInputStream()) {
			ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
			byte[] buffer = new byte[16384];
			long total = 0;
			for (int read; (read = in.read(buffer)) > 0;) {
				total += read;
				if (total > limit) {
					throw ApiError.tooLarge(what + " is larger than the " + limit + " bytes accepted");
				}
				body.write(buffer, 0, read);
			}
			if (total == 0) {
				throw ApiError.badRequest("the request has no body: send " + what);
			}
			return body.toByteArray();
		}
	}

	/** The media type of a Content-Type header, lower case, without parameters; empty when there is none. */
	static String mediaType(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return "";
		}
		int semicolon = type.indexOf(';');
		return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
	}

	static void json(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		try {
			JSON.writeValue(response.getOutputStream(), body);
		} catch (IOException e) {
			// the caller went away before its answer: nothing to tell anyone
			LOG.debug("answer not delivered: {}", e.toString());
		}
	}

	static void error(HttpServletResponse response, ApiError error, int retryAfterSeconds) throws IOException {
		if (error.status() == 503) {
			response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
		}
		if (error.status() == 413) {
			// the rest of the body is not read: the connection ends after the answer, which the caller gets
			// before the server stops reading
			response.setHeader("Connection", "close");
		}
		json(response, error.status(), Map.of("status", error.status(), "error", error.getMessage()));
	}
}
