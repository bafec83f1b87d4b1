package com.digitdesk.tesseract;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk Tesseract recognizer", description = "Where Tesseract's language data is and which language model reads the digits.")
public @interface TesseractConfiguration {

	String PID = "com.digitdesk.tesseract";
	/** Where Debian's tesseract-ocr-eng puts the language data. */
	String DEBIAN_DATA_PATH = "/usr/share/tesseract-ocr/5/tessdata";

	@AttributeDefinition(name = "Data path", description = "The tessdata folder holding LANGUAGE.traineddata (Debian: apt-get install -y tesseract-ocr tesseract-ocr-eng).")
	String dataPath() default DEBIAN_DATA_PATH;

	@AttributeDefinition(name = "Language", description = "Tesseract language model that reads the digits, e.g. eng; several joined by '+'.")
	String language() default "eng";
}
