package com.digitdesk.recognizer;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk CNN digit recognizer", description = "Which model the recognizer runs and how it uses the processor.")
public @interface RecognizerConfiguration {

	String PID = "com.digitdesk.recognizer";

	@AttributeDefinition(name = "Model location", description = "Path of a model trained by 'digitdesk train', without extension (PATH.sd and PATH.json). Empty: the model shipped with DigitDesk.")
	String modelLocation() default "";

	@AttributeDefinition(name = "Batch size", description = "Glyphs per network call; a page's glyphs are cut into batches of this size.", min = "1", max = "4096")
	int batchSize() default 64;

	@AttributeDefinition(name = "Threads", description = "Batches recognized at the same time, one native thread each. 0: one per processor core.", min = "0", max = "256")
	int threads() default 0;
}
