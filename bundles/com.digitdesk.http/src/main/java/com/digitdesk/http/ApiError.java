package com.digitdesk.http;

/**
 * A request the API answers with a 4xx or 5xx status and a message for the caller (never a stack trace).
 */
final class ApiError extends Exception {

	private static final long serialVersionUID = 1L;

	private final int status;

	ApiError(int status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	int status() {
		return status;
	}

	static ApiError badRequest(String message) {
		return new ApiError(400, message);
	}

	static ApiError tooLarge(String message) {
		return new ApiError(413, message);
	}

	static ApiError unsupported(String message) {
		return new ApiError(415, message);
	}

	/** The server is behind: the caller is told to come back (Retry-After). */
	static ApiError busy(String message) {
		return new ApiError(503, message);
	}
}
