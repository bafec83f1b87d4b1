package com.digitdesk.corpus.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Hostile files made from a real form PDF: encrypted, cut short, or with a broken cross-reference. */
final class FormDerived {

	private FormDerived() {
	}

	/**
	 * The form encrypted with AES-128. An empty {@code userPassword} lets
	 * anyone open it (the owner password only guards permissions).
	 */
	static byte[] encrypted(byte[] form, String ownerPassword, String userPassword, long seed) throws IOException {
		try (PDDocument document = Loader.loadPDF(form)) {
			document.setDocumentId(seed);
			StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword,
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			// The salts and initialisation vectors come from here: a seeded generator gives the same bytes each time.
			document.getEncryption().getSecurityHandler().setCustomSecureRandom(seeded(seed));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/** The first half of the file, as a copy interrupted halfway leaves it. */
	static byte[] truncated(byte[] form) {
		return HostilePdfs.cut(form, form.length / 2);
	}

	/**
	 * The form with its last {@code startxref} pointing into the middle of
	 * the file, so the cross-reference is not where the file says.
	 */
	static byte[] brokenXref(byte[] form) throws IOException {
		String text = new String(form, StandardCharsets.ISO_8859_1);
		int keyword = text.lastIndexOf("startxref");
		if (keyword < 0) {
			throw new IOException("the form has no startxref");
		}
		int start = keyword + "startxref".length();
		while (Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		int end = start;
		while (Character.isDigit(text.charAt(end))) {
			end++;
		}
		long offset = Long.parseLong(text.substring(start, end));
		// Same number of digits, so the file keeps its length; points into image data.
		String garbage = String.format("%0" + (end - start) + "d", Math.max(1, offset / 3));
		byte[] broken = form.clone();
		System.arraycopy(garbage.getBytes(StandardCharsets.ISO_8859_1), 0, broken, start, garbage.length());
		return broken;
	}

	private static SecureRandom seeded(long seed) {
		try {
			SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
			random.setSeed(seed);
			return random;
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA1PRNG", e);
		}
	}
}
