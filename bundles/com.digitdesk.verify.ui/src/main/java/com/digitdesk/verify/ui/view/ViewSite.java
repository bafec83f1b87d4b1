package com.digitdesk.verify.ui.view;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.store.FieldReview;

/** What a view may use of its window. */
@ProviderType
public interface ViewSite {

	/** The store the window verifies. */
	FieldReview store();

	/** The clerk at the window. */
	String clerk();

	/** The window's font size in points (a clerk's preference). */
	int fontSize();
}
