package com.digitdesk.api.verify;

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
}
