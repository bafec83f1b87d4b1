package com.digitdesk.api.store;

/**
 * Thrown when a claim has expired and another importer may have taken the
 * content over; nothing was written.
 *
 * <p>The importer that gets it stops working on that file without storing
 * anything more of it: whoever claims the content next resumes it from the
 * pages already stored.
 *
 * @see DocumentClaim
 */
public class ClaimLostException extends StoreException {

	private static final long serialVersionUID = 1L;

	public ClaimLostException(String message) {
		super(message);
	}

	public ClaimLostException(String message, Throwable cause) {
		super(message, cause);
	}
}
