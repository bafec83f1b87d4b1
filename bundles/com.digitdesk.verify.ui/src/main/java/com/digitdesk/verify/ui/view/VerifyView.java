package com.digitdesk.verify.ui.view;

import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view of the verification window, contributed as an OSGi service: the
 * page, the current field, the queue, or a customer's own (a look-up in
 * their taxpayer register, say). The window opens one part of it per window,
 * in the folder its {@link #PLACE} property names, in {@link #ORDER} order.
 */
@ConsumerType
public interface VerifyView {

	/** Service property: {@code left}, {@code right} or {@code bottom} (the default). */
	String PLACE = "digitdesk.view.place";

	/** Service property: an integer; lower comes first in its folder. */
	String ORDER = "digitdesk.view.order";

	/** The tab's title. */
	String title();

	/** Creates this view's controls in {@code parent}, on the window's thread. */
	ViewPart open(Composite parent, ViewSite site);

	/** One view's controls in one window. Every method runs on the window's thread. */
	interface ViewPart {

		/** Draws the window's state. */
		void show(DeskState state);

		/** Disposes what {@link #open} made, but the controls (the window disposes them). */
		default void dispose() {
		}
	}
}
