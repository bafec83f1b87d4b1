package com.digitdesk.register;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk page registration", description = "When a scan counts as aligned on its template.")
public @interface RegistrationConfiguration {

	String PID = "com.digitdesk.register";

	@AttributeDefinition(name = "Largest residual (points)", description = "Registration marks that miss the fitted "
			+ "transform by more than this (root mean square) mean a wrong template or a damaged page.")
	double maxResidualPoints() default 2.0;

	@AttributeDefinition(name = "Largest rotation (degrees)", description = "Scans rotated further are refused.")
	double maxRotationDegrees() default 8.0;
}
