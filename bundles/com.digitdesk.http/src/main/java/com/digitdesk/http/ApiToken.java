package com.digitdesk.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token callers of the API present: the configured one, or one generated once into the data
 * directory, readable by its owner only (mode 0600), and kept across restarts.
 */
final class ApiToken {

	static final String FILE = "http.token";

	private final byte[] token;

	private ApiToken(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	/** The configured token, or the one in {@code dataDirectory/http.token}, generated there when missing. */
	static ApiToken configuredOrKept(String configured, Path dataDirectory) throws IOException {
		if (!configured.isBlank()) {
			return new ApiToken(configured.strip());
		}
		Path file = dataDirectory.resolve(FILE);
		if (Files.isRegularFile(file)) {
			String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (!kept.isEmpty()) {
				return new ApiToken(kept);
			}
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Files.createDirectories(dataDirectory);
		// written whole under another name with its final mode, then moved into place: never readable by
		// others, never half there
		Path pending = Files.createTempFile(dataDirectory, FILE, ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			Files.writeString(pending, generated + "\n", StandardCharsets.UTF_8);
			Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(pending);
		}
		return new ApiToken(generated);
	}

	/** Whether an Authorization header value carries this token (compared in constant time). */
	boolean admits(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(presented, token);
	}
}
