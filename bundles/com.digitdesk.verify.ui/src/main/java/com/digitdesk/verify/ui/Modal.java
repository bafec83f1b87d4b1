package com.digitdesk.verify.ui;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** A dialog over the window that has the keyboard until it closes, then gives it back to the window. */
final class Modal {

	private Modal() {
	}

	/** Opens {@code dialog} with the keyboard on {@code focus}; returns when it is closed. */
	static void run(Shell dialog, Control focus) {
		Shell parent = (Shell) dialog.getParent();
		dialog.open();
		focus.setFocus();
		EventLoop.runUntilClosed(dialog);
		// the keyboard goes back to the window, for the next field
		if (!parent.isDisposed()) {
			parent.forceActive();
			parent.setFocus();
		}
	}
}
