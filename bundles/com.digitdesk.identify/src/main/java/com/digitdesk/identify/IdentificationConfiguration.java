package com.digitdesk.identify;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk form identification", description = "When a page counts as a known form.")
public @interface IdentificationConfiguration {

	String PID = "com.digitdesk.identify";

	@AttributeDefinition(name = "Least layout match", description = "Share (0..1) of a template's printed lines "
			+ "that must be found on the registered page for it to be that form: its field outlines, or for a "
			+ "template with line anchors the lesser of the anchors' rules found along their length and the fields' "
			+ "printed edges found (each field's best horizontal and best vertical edge).")
	double minLayoutMatch() default 0.85;

	@AttributeDefinition(name = "Least margin", description = "How much better (0..1) the best template must match "
			+ "than the next one; closer calls are reported as unknown forms rather than guessed.")
	double minMargin() default 0.2;
}
