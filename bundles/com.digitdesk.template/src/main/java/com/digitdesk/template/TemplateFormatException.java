package com.digitdesk.template;

/** A template file that does not follow the format; the message names the file and the faulty element. */
class TemplateFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	TemplateFormatException(String message) {
		super(message);
	}

	TemplateFormatException(String message, Throwable cause) {
		super(message, cause);
	}
}
