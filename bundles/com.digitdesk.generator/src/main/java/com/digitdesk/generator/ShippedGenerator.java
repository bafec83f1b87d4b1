package com.digitdesk.generator;

import java.util.List;

import org.osgi.framework.BundleContext;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.training.DigitGenerator;

/** A generator service: the configured model of its kind, or the one shipped in this bundle. */
abstract class ShippedGenerator implements DigitGenerator {

	private final NetworkGenerator network;

	ShippedGenerator(Kind kind, BundleContext context, GeneratorConfiguration configuration)
			throws RecognitionException {
		network = NetworkGenerator.of(kind, configuration.modelLocation(), context.getDataFile("generators").toPath());
	}

	@Override
	public String kind() {
		return network.kind();
	}

	@Override
	public String description() {
		return network.description();
	}

	@Override
	public List<DigitImage> variants(DigitImage sample, int label, int count, long seed) throws RecognitionException {
		return network.variants(sample, label, count, seed);
	}
}
