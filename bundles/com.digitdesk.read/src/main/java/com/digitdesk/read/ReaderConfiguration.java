package com.digitdesk.read;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk page reader", description = "Which services read a page.")
public @interface ReaderConfiguration {

	String PID = "com.digitdesk.read";

	/** Declarative Services takes the property {@code recognizer.target} as the target of the reference "recognizer". */
	@AttributeDefinition(name = "Recognizer", description = "Filter selecting the DigitRecognizer that reads the "
			+ "glyphs and judges where touching digits are cut, by its service properties: (recognizer=cnn) for the "
			+ "convolutional network, (recognizer=tesseract) for the Tesseract baseline.")
	String recognizer_target() default "(recognizer=cnn)";
}
