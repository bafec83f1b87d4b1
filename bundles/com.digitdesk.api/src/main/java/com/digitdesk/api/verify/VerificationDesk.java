package com.digitdesk.api.verify;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.StoreException;

/**
 * Opens clerks' verification sessions on a store. Used by the verification
 * window and by anything that applies clerks' decisions the same way.
 */
@ProviderType
public interface VerificationDesk {

	/**
	 * A session of {@code clerk} on {@code store}: it starts on the fields
	 * the clerk still holds from a session that died, else on the first
	 * waiting field in queue order.
	 */
	VerificationSession open(FieldReview store, String clerk) throws StoreException;

	/**
	 * Applies values keyed elsewhere as {@code clerk}'s decisions: each
	 * through the same format checks, claims, audit and training samples as a
	 * decision in the window. A value that matches no waiting field, fails
	 * its field's format or meets a field on another clerk's screen is
	 * reported and not applied.
	 *
	 * @since 1.1
	 */
	List<KeyedOutcome> applyKeyed(FieldReview store, String clerk, List<KeyedValue> values) throws StoreException;
}
