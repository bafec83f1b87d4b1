package com.digitdesk.api.store;

/** The store refused or failed an operation; nothing of it was written. */
public class StoreException extends Exception {

	private static final long serialVersionUID = 1L;

	public StoreException(String message, Throwable cause) {
		super(message, cause);
	}

	public StoreException(String message) {
		super(message);
	}
}
