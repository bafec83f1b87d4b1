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

	/**
	 * The window's font size in points (a clerk's preference). A view is
	 * opened anew when the clerk changes it.
	 */
	int fontSize();

	/**
	 * Whether the clerk asked for high contrast: light text on black, strong
	 * outlines. A view is opened anew when the clerk changes it.
	 *
	 * @since 1.1
	 */
	boolean highContrast();
}
