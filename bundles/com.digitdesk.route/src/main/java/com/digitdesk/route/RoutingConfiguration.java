package com.digitdesk.route;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk routing", description = "Which fields are auto-accepted and which go to a clerk")
public @interface RoutingConfiguration {

	String PID = "com.digitdesk.routing";

	@AttributeDefinition(description = "Every written digit's calibrated probability must reach this for its field to "
			+ "be auto-accepted. 'digitdesk routing-study DIR --target-error E' derives it from a target error "
			+ "among auto-accepted fields.")
	double digitThreshold() default 0.97;

	@AttributeDefinition(description = "The digit threshold for fields whose values a template rule confirms as read "
			+ "(amounts that add up to their total, a tax that is its rate of the wages): a misread digit would have to be "
			+ "offset by another one")
	double ruleCheckedDigitThreshold() default 0.5;

	@AttributeDefinition(description = "Registration residual (points) above which all fields of a page go to review")
	double maxResidualPoints() default 1.5;

	@AttributeDefinition(description = "How many uncertain digits a sum-rule proposal may change")
	int maxProposalDigits() default 8;
}
