package com.digitdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.ReviewReason;

/** Pages as the pipeline hands them to the store. */
final class Fixtures {

	private Fixtures() {
	}

	static DocumentSource source(String fileName, int pages) {
		return new DocumentSource(fileName, sha256(fileName), pages);
	}

	static String sha256(String content) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}

	/** A glyph with a pattern of its own for every seed. */
	static DigitImage image(int seed) {
		byte[] pixels = new byte[DigitImage.PIXELS];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (byte) (i * 7 + seed * 31 + (i / DigitImage.SIDE) * seed);
		}
		return new DigitImage(pixels);
	}

	static DigitPrediction prediction(int digit, double confidence) {
		int second = (digit + 3) % 10;
		double rest = 1 - confidence;
		return new DigitPrediction(List.of(new ClassProbability(digit, confidence),
				new ClassProbability(second, rest * 0.7), new ClassProbability(ClassProbability.NOT_A_DIGIT,
						rest * 0.2), new ClassProbability((digit + 5) % 10, rest * 0.1)));
	}

	/** A digit field reading {@code value}; the last cell is empty. */
	static FieldResult field(String name, String value, double confidence, int seed) {
		List<DigitResult> digits = new ArrayList<>();
		for (int i = 0; i < value.length(); i++) {
			int digit = value.charAt(i) - '0';
			digits.add(new DigitResult(i, new PixelBox(100 + 30 * i, 40 * seed, 28, 36), image(seed * 16 + i),
					Optional.of(prediction(digit, i == 0 ? 0.5 + confidence / 2 : 0.999))));
		}
		digits.add(new DigitResult(value.length(), new PixelBox(100 + 30 * value.length(), 40 * seed, 28, 36),
				DigitImage.blank(), Optional.empty()));
		return new FieldResult(name, value, FieldStatus.AUTO_ACCEPTED, confidence, digits, List.of(),
				Optional.empty());
	}

	static FieldResult doubtful(String name, String value, double confidence, int seed) {
		FieldResult field = field(name, value, confidence, seed);
		return new FieldResult(name, value, FieldStatus.NEEDS_REVIEW, confidence, field.digits(),
				List.of(new ReviewReason(ReviewReason.Kind.LOW_CONFIDENCE_DIGIT, 0,
						"p=" + confidence + ", second choice " + ((value.charAt(0) - '0' + 3) % 10)),
						new ReviewReason(ReviewReason.Kind.RULE_FAILED, -1, "line9 is not the sum of lines 1-8")),
				Optional.of(value.replace('1', '7')));
	}

	/**
	 * A full form page: {@code fields} fields of 8 digits (plus an empty
	 * cell), every third one doubtful.
	 */
	static PageResult page(int pageIndex, int fields) {
		List<FieldResult> results = new ArrayList<>();
		for (int f = 0; f < fields; f++) {
			String value = String.format("%08d", (pageIndex + 1) * 1_234_567L + f * 9_091L).substring(0, 8);
			results.add(f % 3 == 1 ? doubtful("line" + f, value, 0.5 + 0.01 * f, f)
					: field("line" + f, value, 0.995, f));
		}
		return new PageResult(pageIndex, "f1040-p1", 1.25, results);
	}

	/** A page of the given fields. */
	static PageResult page(int pageIndex, FieldResult... fields) {
		return new PageResult(pageIndex, "w2", 0.5, List.of(fields));
	}
}
