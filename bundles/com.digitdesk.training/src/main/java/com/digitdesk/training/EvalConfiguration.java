package com.digitdesk.training;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Which recognizers 'digitdesk eval' measures. The attributes are the
 * references' target filters (Declarative Services reads
 * {@code recognizer.target} and {@code baseline.target}), so a configuration
 * points the command at other services without a code change.
 */
@ObjectClassDefinition(name = "DigitDesk eval command", description = "Which recognizers 'digitdesk eval' measures and compares.")
@interface EvalConfiguration {

	String PID = "com.digitdesk.training.eval";

	@AttributeDefinition(name = "Recognizer measured", description = "Service filter selecting the measured recognizer (an EvaluableRecognizer): the CNN.")
	String recognizer_target() default "(recognizer=cnn)";

	@AttributeDefinition(name = "Baseline", description = "Service filter selecting the DigitRecognizer it is compared with: Tesseract. Without such a service the comparison is left out.")
	String baseline_target() default "(recognizer=tesseract)";
}
