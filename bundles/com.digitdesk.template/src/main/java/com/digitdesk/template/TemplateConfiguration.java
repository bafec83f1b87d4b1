package com.digitdesk.template;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk form templates", description = "Where admins add form templates.")
public @interface TemplateConfiguration {

	String PID = "com.digitdesk.template";

	@AttributeDefinition(name = "Template directory", description = "A directory of template files (*.json, see "
			+ "docs/templates.md), read in addition to the shipped templates; relative paths are resolved "
			+ "against the working directory. A file whose id is a shipped template's id replaces it. Changes "
			+ "are picked up on the next look-up, without a restart.")
	String directory() default "templates";
}
