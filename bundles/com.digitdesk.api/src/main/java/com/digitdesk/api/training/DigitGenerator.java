package com.digitdesk.api.training;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.RecognitionException;

/**
 * Makes new digit images to train on, to multiply scarce verified digits of
 * a new hand. Registered with the service property {@value #KIND} naming the
 * kind ({@code vae}: variants in the style of the sample given;
 * {@code gan}: new digits of the sample's class, its style aside).
 */
@ProviderType
public interface DigitGenerator {

	/** The service property naming the generator's kind. */
	String KIND = "generator";

	/** The kind, as in the service property. */
	String kind();

	/** What it is: its network, the data it learnt from, its model's SHA-256. */
	String description();

	/**
	 * {@code count} new images of digit {@code label} (0-9) made from
	 * {@code sample} (28x28, MNIST layout), the same for the same seed.
	 */
	List<DigitImage> variants(DigitImage sample, int label, int count, long seed) throws RecognitionException;
}
