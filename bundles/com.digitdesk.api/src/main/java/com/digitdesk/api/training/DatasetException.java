package com.digitdesk.api.training;

/** A data set cannot be fetched, verified or read; the message names the file. */
public class DatasetException extends Exception {

	private static final long serialVersionUID = 1L;

	public DatasetException(String message) {
		super(message);
	}

	public DatasetException(String message, Throwable cause) {
		super(message, cause);
	}
}
