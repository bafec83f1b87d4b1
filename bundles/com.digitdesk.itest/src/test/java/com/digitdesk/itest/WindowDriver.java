package com.digitdesk.itest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Drives a window of this process as a clerk would: real key events posted
 * to the X server (SWT's Display.post), read back through what the window
 * shows.
 */
final class WindowDriver {

	private static final long WAIT_MILLIS = 30_000;

	private final Display display;

	private WindowDriver(Display display) {
		this.display = display;
	}

	/** The display of the thread called {@code threadName}, once that thread made one. */
	static WindowDriver ofThread(String threadName) throws InterruptedException {
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		while (System.currentTimeMillis() < deadline) {
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (thread.getName().equals(threadName)) {
					Display display = Display.findDisplay(thread);
					if (display != null && !display.isDisposed() && answers(display)) {
						return new WindowDriver(display);
					}
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no window thread " + threadName + " within " + WAIT_MILLIS + " ms");
	}

	/** Closes every window of the thread's display, whatever a failed test left open (dialogs too). */
	static void closeAll(String threadName) {
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().equals(threadName)) {
				Display display = Display.findDisplay(thread);
				if (display != null && !display.isDisposed()) {
					try {
						display.asyncExec(() -> {
							for (Shell shell : display.getShells()) {
								shell.dispose();
							}
						});
					} catch (SWTException e) {
						// disposed meanwhile
					}
				}
			}
		}
	}

	/** Whether the display is made and runs what it is given (a display being made does not yet). */
	private static boolean answers(Display display) {
		try {
			display.syncExec(() -> {
			});
			return true;
		} catch (RuntimeException e) {
			return false;
		}
	}

	private <T> T onWindowThread(Supplier<T> action) {
		AtomicReference<T> result = new AtomicReference<>();
		display.syncExec(() -> result.set(action.get()));
		return result.get();
	}

	/** The title of the window's main shell ("" before it opens). */
	String title() {
		if (display.isDisposed()) {
			return "";
		}
		return onWindowThread(() -> {
			for (Shell shell : display.getShells()) {
				if (shell.getParent() == null && shell.isVisible()) {
					return shell.getText();
				}
			}
			return "";
		});
	}

	/** Waits until the title is {@code expected}; fails with the title it has. */
	void awaitTitle(String expected) throws InterruptedException {
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		String title = title();
		while (!title.equals(expected) && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
			title = title();
		}
		if (!title.equals(expected)) {
			throw new AssertionError("the window's title is \"" + title + "\", not \"" + expected + "\"");
		}
	}

	/** Waits until a dialog over the window is open, titled starting with {@code start}. */
	void awaitDialog(String start) throws InterruptedException {
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		while (System.currentTimeMillis() < deadline) {
			if (dialog(start).isPresent()) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no dialog \"" + start + "...\" within " + WAIT_MILLIS + " ms");
	}

	/** The title of the open dialog over the window whose title starts with {@code start}. */
	Optional<String> dialog(String start) {
		if (display.isDisposed()) {
			return Optional.empty();
		}
		return Optional.ofNullable(onWindowThread(() -> {
			for (Shell shell : display.getShells()) {
				for (Shell dialog : shell.getShells()) {
					if (dialog.isVisible() && dialog.getText().startsWith(start)) {
						return dialog.getText();
					}
				}
			}
			return null;
		}));
	}

	/** The titles of the view tabs of the main window, in the order of their folders. */
	List<String> tabs() {
		return onWindowThread(() -> {
			List<String> titles = new ArrayList<>();
			for (Shell shell : display.getShells()) {
				if (shell.getParent() == null && shell.isVisible()) {
					collect(shell, control -> {
						if (control instanceof CTabFolder folder) {
							for (CTabItem item : folder.getItems()) {
								titles.add(item.getText());
							}
						}
					});
				}
			}
			return titles;
		});
	}

	/** A label of the window or a dialog over it whose text starts with {@code start}: its text and font height in points. */
	Optional<Map.Entry<String, Integer>> label(String start) {
		return Optional.ofNullable(onWindowThread(() -> {
			List<Map.Entry<String, Integer>> found = new ArrayList<>();
			for (Shell shell : display.getShells()) {
				if (shell.isVisible()) {
					collect(shell, control -> {
						if (control instanceof Label label && label.getText().startsWith(start)) {
							found.add(Map.entry(label.getText(), label.getFont().getFontData()[0].getHeight()));
						}
					});
				}
			}
			return found.isEmpty() ? null : found.get(0);
		}));
	}

	/** The first column of the table in the dialog whose title starts with {@code dialog}. */
	List<String> rows(String dialog) {
		return onWindowThread(() -> {
			List<String> rows = new ArrayList<>();
			for (Shell shell : display.getShells()) {
				for (Shell child : shell.getShells()) {
					if (child.isVisible() && child.getText().startsWith(dialog)) {
						collect(child, control -> {
							if (control instanceof Table table) {
								for (TableItem item : table.getItems()) {
									rows.add(item.getText(0));
								}
							}
						});
					}
				}
			}
			return rows;
		});
	}

	private static void collect(Control control,
			Consumer<Control> visit) {
		visit.accept(control);
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, visit);
			}
		}
	}

	/** Puts the pointer over the main window, so that the keyboard goes to it (no window manager here). */
	void focus() throws InterruptedException {
		Rectangle bounds = onWindowThread(() -> {
			for (Shell shell : display.getShells()) {
				if (shell.getParent() == null && shell.isVisible()) {
					shell.forceActive();
					return shell.getBounds();
				}
			}
			return null;
		});
		Event move = new Event();
		move.type = SWT.MouseMove;
		move.x = bounds.x + bounds.width / 2;
		move.y = bounds.y + bounds.height / 2;
		post(move);
		settle();
	}

	/**
	 * Drags the mouse with its button down over the first canvas of the
	 * dialog whose title starts with {@code dialog}, from one point to
	 * another in the canvas's own coordinates, as a hand draws a stroke.
	 */
	void drag(String dialog, int x0, int y0, int x1, int y1) throws InterruptedException {
		Point from = onWindowThread(() -> canvasPoint(dialog, x0, y0));
		Point to = onWindowThread(() -> canvasPoint(dialog, x1, y1));
		post(mouse(SWT.MouseMove, from.x, from.y, 0));
		post(mouse(SWT.MouseDown, from.x, from.y, 1));
		settle();
		int steps = 12;
		for (int i = 1; i <= steps; i++) {
			post(mouse(SWT.MouseMove, from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps, 0));
			settle();
		}
		post(mouse(SWT.MouseUp, to.x, to.y, 1));
		settle();
	}

	private Point canvasPoint(String dialog, int x, int y) {
		for (Shell shell : display.getShells()) {
			for (Shell child : shell.getShells()) {
				if (child.isVisible() && child.getText().startsWith(dialog)) {
					for (Control control : child.getChildren()) {
						if (control instanceof Canvas canvas) {
							return canvas.toDisplay(x, y);
						}
					}
				}
			}
		}
		throw new AssertionError("no canvas in a dialog titled " + dialog + "...");
	}

	private static Event mouse(int type, int x, int y, int button) {
		Event event = new Event();
		event.type = type;
		event.x = x;
		event.y = y;
		event.button = button;
		return event;
	}

	/** Types characters, one key press and release each. */
	void type(String characters) throws InterruptedException {
		for (char c : characters.toCharArray()) {
			Event down = new Event();
			down.type = SWT.KeyDown;
			down.character = c;
			post(down);
			Event up = new Event();
			up.type = SWT.KeyUp;
			up.character = c;
			post(up);
			settle();
		}
	}

	/** Presses a key ({@link SWT#CR}, {@link SWT#F4}, ...) or a letter, with Ctrl when asked. */
	void press(int keyCode, boolean ctrl) throws InterruptedException {
		press(keyCode, ctrl, false);
	}

	/** Presses a key with Ctrl and Shift when asked. */
	void press(int keyCode, boolean ctrl, boolean shift) throws InterruptedException {
		if (ctrl) {
			post(SWT.KeyDown, SWT.CTRL);
		}
		if (shift) {
			post(SWT.KeyDown, SWT.SHIFT);
		}
		post(SWT.KeyDown, keyCode);
		post(SWT.KeyUp, keyCode);
		if (shift) {
			post(SWT.KeyUp, SWT.SHIFT);
		}
		if (ctrl) {
			post(SWT.KeyUp, SWT.CTRL);
		}
		settle();
	}

	private void post(int type, int keyCode) {
		Event event = new Event();
		event.type = type;
		if (keyCode < 0x10000 && keyCode >= ' ') {
			event.character = (char) keyCode;
		} else {
			event.keyCode = keyCode;
		}
		post(event);
	}

	/** Posts on the window's thread, as SWT wants; the X server delivers it after. A closed window takes none. */
	private void post(Event event) {
		whileOpen(() -> display.post(event));
	}

	private void whileOpen(Runnable action) {
		try {
			display.syncExec(action);
		} catch (SWTException e) {
			if (!display.isDisposed()) {
				throw e;
			}
		}
	}

	/** Lets the window take what was posted before the next key. */
	private void settle() throws InterruptedException {
		Thread.sleep(30);
		whileOpen(() -> {
		});
	}

	/** The main window with whatever is open over it, as PNG. */
	void screenshot(Path file) {
		display.syncExec(() -> {
			Rectangle bounds = display.getBounds();
			for (Shell shell : display.getShells()) {
				if (shell.getParent() == null && shell.isVisible()) {
					bounds = shell.getBounds().intersection(display.getBounds());
				}
			}
			Image image = new Image(display, bounds.width, bounds.height);
			GC gc = new GC(display);
			gc.copyArea(image, bounds.x, bounds.y);
			gc.dispose();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
			image.dispose();
		});
	}
}
