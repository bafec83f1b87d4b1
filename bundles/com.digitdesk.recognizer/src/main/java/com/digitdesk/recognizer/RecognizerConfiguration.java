package com.digitdesk.recognizer;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk CNN digit recognizer", description = "Which model the recognizer runs and how it uses the processor.")
public @interface RecognizerConfiguration {

	String PID = "com.digitdesk.recognizer";

	@AttributeDefinition(name = "Model location", description = "Path of a model trained by 'digitdesk train', without extension (PATH.sd and PATH.json). Empty: the model shipped with DigitDesk.")
	String modelLocation() default "";

	@AttributeDefinition(name = "Second opinion", description = "Ask a second model about the glyphs the first is unsure of and average the two models' probabilities.")
	boolean secondOpinion() default true;

	@AttributeDefinition(name = "Second model location", description = "The second model (e.g. trained by 'digitdesk train' with another --seed or architecture), PATH without extension. Empty: the second model shipped with DigitDesk.")
	String secondModelLocation() default "";

	@AttributeDefinition(name = "Second opinion below", description = "Glyphs whose top probability from the first model is below this get the second model's opinion too (1: every glyph).", min = "0", max = "1")
	double secondOpinionBelow() default 0.999;

	@AttributeDefinition(name = "Shifted views below", description = "Glyphs whose top probability (after the second opinion) is below this are also read shifted by one pixel left, right, up and down, and the five readings averaged. 0: never.", min = "0", max = "1")
	double shiftedViewsBelow() default 0.7;

	@AttributeDefinition(name = "Shifted views below, careful reading", description = "The same for a careful reading, which the importer asks for: a digit accepted without a clerk must not be a confident mistake, so every glyph below this is read shifted too. 0: as for a plain reading.", min = "0", max = "1")
	double carefulViewsBelow() default 0.999;

	@AttributeDefinition(name = "Batch size", description = "Glyphs per network call; a page's glyphs are cut into batches of this size.", min = "1", max = "4096")
	int batchSize() default 64;

	@AttributeDefinition(name = "Threads", description = "Batches recognized at the same time, one native thread each. 0: one per processor core.", min = "0", max = "256")
	int threads() default 0;
}
