package com.digitdesk.verify.ui;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window thread's loop. A fault in one event's handling (a view of
 * another bundle, a widget gone while a key was on its way) is logged and
 * the window goes on: the clerk keeps their window and their place.
 */
final class EventLoop {

	private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

	private EventLoop() {
	}

	/** Handles the display's events until {@code shell} is closed. */
	static void runUntilClosed(Shell shell) {
		Display display = shell.getDisplay();
		while (!shell.isDisposed()) {
			try {
				if (!display.readAndDispatch()) {
					display.sleep();
				}
			} catch (RuntimeException e) {
				LOG.error("The verification window met a fault and goes on", e);
			}
		}
	}
}
