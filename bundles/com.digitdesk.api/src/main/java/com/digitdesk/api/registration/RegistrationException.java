package com.digitdesk.api.registration;

/** A page could not be aligned on its template; the message says why. */
public class RegistrationException extends Exception {

	private static final long serialVersionUID = 1L;

	public RegistrationException(String reason) {
		super(reason);
	}
}
