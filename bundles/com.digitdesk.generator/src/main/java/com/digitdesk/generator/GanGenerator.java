package com.digitdesk.generator;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.training.DigitGenerator;

/** The conditional GAN as a service: new digits of a verified digit's class (its style aside). */
@Component(service = DigitGenerator.class, configurationPid = "com.digitdesk.generator.gan",
		property = DigitGenerator.KIND + "=gan")
@Designate(ocd = GeneratorConfiguration.class)
public final class GanGenerator extends ShippedGenerator {

	@Activate
	public GanGenerator(BundleContext context, GeneratorConfiguration configuration) throws RecognitionException {
		super(Kind.GAN, context, configuration);
	}
}
