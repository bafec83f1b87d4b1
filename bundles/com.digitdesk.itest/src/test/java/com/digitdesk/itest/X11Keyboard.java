package com.digitdesk.itest;

import java.util.Optional;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Another process's window on an X server, as a clerk meets it: found by its
 * title, given the keyboard, typed at with real key events (the XTEST
 * extension, as xdotool does). SWT's own posting reaches only its own
 * process's windows.
 */
final class X11Keyboard implements AutoCloseable {

	private interface X11 extends Library {
		Pointer XOpenDisplay(String name);

		long XDefaultRootWindow(Pointer display);

		int XQueryTree(Pointer display, long window, LongByReference root, LongByReference parent,
				PointerByReference children, IntByReference count);

		int XFetchName(Pointer display, long window, PointerByReference name);

		int XSetInputFocus(Pointer display, long window, int revertTo, long time);

		long XStringToKeysym(String name);

		byte XKeysymToKeycode(Pointer display, long keysym);

		int XFlush(Pointer display);

		int XSync(Pointer display, boolean discard);

		int XFree(Pointer data);

		int XCloseDisplay(Pointer display);

		Pointer XSetErrorHandler(Pointer handler);
	}

	/** Xlib's error handler: Xlib's own ends the process on any error, as on focusing a window not yet shown. */
	private interface ErrorHandler extends com.sun.jna.Callback {
		int handle(Pointer display, Pointer event);
	}

	/** Ignores the error: the caller looks again. Kept in a field so that it is not collected while set. */
	private static final ErrorHandler IGNORE = (display, event) -> 0;

	private interface Xtst extends Library {
		int XTestFakeKeyEvent(Pointer display, int keycode, boolean press, long delay);
	}

	private static final int REVERT_TO_PARENT = 2;

	private final X11 x = Native.load("X11", X11.class);
	private final Xtst test = Native.load("Xtst", Xtst.class);
	private final Pointer display;

	X11Keyboard(String displayName) {
		display = x.XOpenDisplay(displayName);
		if (display == null) {
			throw new IllegalStateException("cannot open X display " + displayName);
		}
	}

	/**
	 * The title of the window whose title starts with {@code prefix}, with
	 * the trailing space that GTK's X11 window names carry taken off.
	 */
	synchronized Optional<String> title(String prefix) {
		return find(x.XDefaultRootWindow(display), prefix).map(found -> found.title.stripTrailing());
	}

	/** Gives the keyboard to the window whose title starts with {@code prefix}. */
	synchronized void focus(String prefix) {
		Found window = find(x.XDefaultRootWindow(display), prefix)
				.orElseThrow(() -> new AssertionError("no window titled " + prefix + "..."));
		// a window not yet mapped refuses the focus (BadMatch): the error is ignored, not fatal, and the
		// handler this process had (GTK's) is put back at once
		Pointer previous = x.XSetErrorHandler(com.sun.jna.CallbackReference.getFunctionPointer(IGNORE));
		try {
			x.XSetInputFocus(display, window.id, REVERT_TO_PARENT, 0);
			x.XSync(display, false);
		} finally {
			x.XSetErrorHandler(previous);
		}
	}

	/** Presses and releases a key by its X name ("Return", "5", "q"), with Control when asked. */
	synchronized void press(String key, boolean control) throws InterruptedException {
		int controlCode = x.XKeysymToKeycode(display, x.XStringToKeysym("Control_L")) & 0xFF;
		int code = x.XKeysymToKeycode(display, x.XStringToKeysym(key)) & 0xFF;
		if (code == 0) {
			throw new IllegalArgumentException("no key " + key + " on this keyboard");
		}
		if (control) {
			test.XTestFakeKeyEvent(display, controlCode, true, 0);
		}
		test.XTestFakeKeyEvent(display, code, true, 0);
		test.XTestFakeKeyEvent(display, code, false, 0);
		if (control) {
			test.XTestFakeKeyEvent(display, controlCode, false, 0);
		}
		x.XSync(display, false);
		Thread.sleep(50);
	}

	/** Types text: letters, digits and the characters of a file's path. */
	synchronized void type(String text) throws InterruptedException {
		for (char c : text.toCharArray()) {
			String name = switch (c) {
			case '/' -> "slash";
			case '.' -> "period";
			case '-' -> "minus";
			case '_' -> "underscore";
			case ' ' -> "space";
			default -> String.valueOf(Character.toLowerCase(c));
			};
			boolean shift = c == '_' || Character.isUpperCase(c);
			int shiftCode = x.XKeysymToKeycode(display, x.XStringToKeysym("Shift_L")) & 0xFF;
			if (shift) {
				test.XTestFakeKeyEvent(display, shiftCode, true, 0);
			}
			press(name, false);
			if (shift) {
				test.XTestFakeKeyEvent(display, shiftCode, false, 0);
				x.XSync(display, false);
			}
		}
	}

	private record Found(long id, String title) {
	}

	private Optional<Found> find(long window, String prefix) {
		PointerByReference name = new PointerByReference();
		if (x.XFetchName(display, window, name) != 0 && name.getValue() != null) {
			String title = name.getValue().getString(0);
			x.XFree(name.getValue());
			if (title.startsWith(prefix)) {
				return Optional.of(new Found(window, title));
			}
		}
		LongByReference root = new LongByReference();
		LongByReference parent = new LongByReference();
		PointerByReference children = new PointerByReference();
		IntByReference count = new IntByReference();
		if (x.XQueryTree(display, window, root, parent, children, count) == 0 || children.getValue() == null) {
			return Optional.empty();
		}
		long[] ids = children.getValue().getLongArray(0, count.getValue());
		x.XFree(children.getValue());
		for (long child : ids) {
			Optional<Found> found = find(child, prefix);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	@Override
	public synchronized void close() {
		x.XCloseDisplay(display);
	}
}
