package com.digitdesk.generator;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk digit generator", description = "Which model a digit generator runs.")
public @interface GeneratorConfiguration {

	@AttributeDefinition(name = "Model location", description = "Path of a model made by 'digitdesk train-generator', "
			+ "without extension (PATH.sd and PATH.json). Empty: the model shipped with DigitDesk.")
	String modelLocation() default "";
}
