package com.digitdesk.api.recognition;

/** The recognizer cannot run; the message says why. */
public class RecognitionException extends Exception {

	private static final long serialVersionUID = 1L;

	public RecognitionException(String message, Throwable cause) {
		super(message, cause);
	}
}
