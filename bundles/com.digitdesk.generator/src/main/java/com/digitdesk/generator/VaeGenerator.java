package com.digitdesk.generator;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.training.DigitGenerator;

/** The conditional VAE as a service: variants of a verified digit in its writer's style. */
@Component(service = DigitGenerator.class, configurationPid = "com.digitdesk.generator.vae",
		property = DigitGenerator.KIND + "=vae")
@Designate(ocd = GeneratorConfiguration.class)
public final class VaeGenerator extends ShippedGenerator {

	@Activate
	public VaeGenerator(BundleContext context, GeneratorConfiguration configuration) throws RecognitionException {
		super(Kind.VAE, context, configuration);
	}
}
