package com.digitdesk.verify.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.intake.ArchiveImport;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.verify.FieldOnScreen;
import com.digitdesk.api.verify.SessionFigures;
import com.digitdesk.api.verify.VerificationSession;
import com.digitdesk.api.verify.VerificationSession.Act;
import com.digitdesk.verify.ui.KeyBindings.Command;
import com.digitdesk.verify.ui.view.DeskState;
import com.digitdesk.verify.ui.view.VerifyView;
import com.digitdesk.verify.ui.view.VerifyView.ViewPart;
import com.digitdesk.verify.ui.view.ViewSite;

/**
 * The verification window: a workbench of views in three folders (page on
 * the left, field on the right, the rest below) over one clerk's session,
 * and a status bar. It draws what the session holds and forwards the
 * clerk's keys to it; every key works without the mouse.
 */
final class VerifyWindow implements Views.Listener {

	private static final Logger LOG = LoggerFactory.getLogger(VerifyWindow.class);

	/** How many of the next waiting fields the queue view lists. */
	private static final int UPCOMING = 20;

	/** With nothing waiting, how often the window looks for fields an import stored meanwhile. */
	private static final int LOOK_AGAIN_MILLIS = 1000;

	private final Display display;
	private final VerificationSession session;
	private final FieldReview store;
	private final String clerk;
	private final Views views;
	private final ClerkPreferences preferences;
	private final Shell shell;
	private final SashForm columns;
	private final SashForm rows;
	private final Map<String, CTabFolder> folders = new HashMap<>();
	private final Map<Views.Placed, Open> open = new HashMap<>();
	private final Label status;
	private final ImportBar imports;
	/** What the draw pad reads with: the recognizer and the normalizer of the form reader. */
	private final Optional<Recognition> recognition;

	/** The recognizer and normalizer the draw pad uses. */
	record Recognition(DigitRecognizer recognizer, DigitNormalizer normalizer) {
	}
	private final Listener keys = this::key;
	/** The keys of the window's commands, as the clerk left them. */
	private final KeyBindings bindings;
	/** The status bar's font, at the clerk's size. */
	private Font statusFont;
	private final long openedNanos = System.nanoTime();
	private String activity = "";
	private String problem = "";
	private DeskState state;
	/** Told how long each Enter took until the next field was drawn (the benchmark listens). */
	private LongConsumer enterDrawn = nanos -> {
	};

	/** A view's part in this window, and its tab. */
	private record Open(CTabItem tab, ViewPart part) {
	}

	VerifyWindow(Display display, VerificationSession session, FieldReview store, String clerk, Views views,
			ClerkPreferences preferences, Optional<ArchiveImport> importer, String storeUrl,
			Optional<Recognition> recognition) {
		this.recognition = recognition;
		this.display = display;
		this.session = session;
		this.store = store;
		this.clerk = clerk;
		this.views = views;
		this.preferences = preferences;
		this.bindings = preferences.keyBindings();
		shell = new Shell(display);
		shell.setLayout(new GridLayout(1, false));
		rows = new SashForm(shell, SWT.VERTICAL);
		rows.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		columns = new SashForm(rows, SWT.HORIZONTAL);
		folders.put("left", folder(columns));
		folders.put("right", folder(columns));
		folders.put("bottom", folder(rows));
		columns.setWeights(preferences.weights("columns", 55, 45));
		rows.setWeights(preferences.weights("rows", 78, 22));
		imports = new ImportBar(shell, importer, storeUrl);
		imports.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		status = new Label(shell, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		shell.setMenuBar(menu());
		statusLook();
		dropFiles();
		for (Views.Placed view : views.watch(this)) {
			add(view);
		}
		display.addFilter(SWT.KeyDown, keys);
		shell.addListener(SWT.Close, e -> keepLayout());
		shell.addListener(SWT.Dispose, e -> closing());
		shell.setSize(1400, 900);
	}

	/** File, Field, View and Tools menus, each item labelled with its keys (Alt and the underlined letter opens a menu). */
	private Menu menu() {
		Menu bar = new Menu(shell, SWT.BAR);
		Menu file = submenu(bar, "&File");
		item(file, "&Open files...", Command.OPEN_FILES);
		item(file, "Open &folder...", Command.OPEN_FOLDER);
		item(file, "&Cancel import", imports::cancel);
		new MenuItem(file, SWT.SEPARATOR);
		item(file, "&Quit", Command.QUIT);
		Menu field = submenu(bar, "F&ield");
		item(field, "&Confirm", Command.CONFIRM);
		item(field, "&Reject...", Command.REJECT);
		item(field, "&Undo the last decision", Command.UNDO);
		item(field, "&Empty the value", Command.CLEAR);
		new MenuItem(field, SWT.SEPARATOR);
		item(field, "&Next document", Command.NEXT_DOCUMENT);
		item(field, "&Previous document", Command.PREVIOUS_DOCUMENT);
		Menu view = submenu(bar, "&View");
		item(view, "&Larger text", Command.LARGER_TEXT);
		item(view, "&Smaller text", Command.SMALLER_TEXT);
		item(view, "High &contrast", Command.HIGH_CONTRAST);
		new MenuItem(view, SWT.SEPARATOR);
		item(view, "&Keys...", Command.KEYS);
		Menu tools = submenu(bar, "&Tools");
		item(tools, "&Confusion pairs", Command.CONFUSION_PAIRS);
		item(tools, "&Draw pad", Command.DRAW_PAD);
		return bar;
	}

	private void item(Menu menu, String text, Command command) {
		String keys = bindings.describe(command);
		item(menu, keys.isEmpty() ? text : text + "\t" + keys, () -> run(command));
	}

	private Menu submenu(Menu bar, String text) {
		MenuItem header = new MenuItem(bar, SWT.CASCADE);
		header.setText(text);
		Menu menu = new Menu(shell, SWT.DROP_DOWN);
		header.setMenu(menu);
		return menu;
	}

	private static void item(Menu menu, String text, Runnable action) {
		MenuItem item = new MenuItem(menu, SWT.PUSH);
		item.setText(text);
		item.addListener(SWT.Selection, e -> action.run());
	}

	/** PDF files and folders dropped on the window are imported. */
	private void dropFiles() {
		DropTarget target = new DropTarget(shell, DND.DROP_COPY | DND.DROP_DEFAULT);
		target.setTransfer(FileTransfer.getInstance());
		target.addDropListener(new DropTargetAdapter() {
			@Override
			public void dragEnter(DropTargetEvent event) {
				event.detail = DND.DROP_COPY;
			}

			@Override
			public void drop(DropTargetEvent event) {
				if (event.data instanceof String[] names) {
					importPaths(java.util.Arrays.stream(names).map(Path::of).toList());
				}
			}
		});
	}

	private void openFiles() {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
		dialog.setText("Import PDF files");
		dialog.setFilterExtensions(new String[] { "*.pdf;*.PDF", "*" });
		if (dialog.open() != null) {
			importPaths(java.util.Arrays.stream(dialog.getFileNames())
					.map(name -> Path.of(dialog.getFilterPath(), name)).toList());
		}
	}

	private void openFolder() {
		DirectoryDialog dialog = new DirectoryDialog(shell);
		dialog.setText("Import the PDF files of a folder");
		String folder = dialog.open();
		if (folder != null) {
			importPaths(List.of(Path.of(folder)));
		}
	}

	/** Imports in the background, as 'digitdesk import' does; the window fills as pages are stored. */
	void importPaths(List<Path> paths) {
		problem = imports.start(paths).orElse("");
		showStatus();
	}

	private void drawPad() {
		if (recognition.isEmpty()) {
			problem = "the draw pad needs the recognizer, which is not installed";
			showStatus();
			return;
		}
		DrawPad.open(shell, recognition.get().recognizer(), recognition.get().normalizer());
	}

	private void confusionPairs() {
		try {
			activity = GridDialog.open(shell, session);
			problem = "";
		} catch (StoreException e) {
			problem = e.getMessage();
		}
		refresh();
	}

	private static CTabFolder folder(Composite parent) {
		CTabFolder folder = new CTabFolder(parent, SWT.BORDER);
		folder.setLayout(new FillLayout());
		return folder;
	}

	Shell shell() {
		return shell;
	}

	void open() {
		refresh();
		shell.open();
		shell.forceActive();
		keepAlive();
		lookAgain();
	}

	// views coming and going, on any thread

	@Override
	public void added(Views.Placed view) {
		display.asyncExec(() -> {
			if (!shell.isDisposed()) {
				addAndShow(view);
			}
		});
	}

	@Override
	public void removed(Views.Placed view) {
		display.asyncExec(() -> {
			if (!shell.isDisposed()) {
				close(view);
			}
		});
	}

	private void close(Views.Placed view) {
		Open gone = open.remove(view);
		if (gone != null) {
			gone.part().dispose();
			gone.tab().getControl().dispose();
			gone.tab().dispose();
		}
	}

	/** Adds a view to the window and draws the field on screen in it. */
	private void addAndShow(Views.Placed view) {
		add(view);
		Open part = open.get(view);
		if (part != null && state != null) {
			show(part, state);
		}
	}

	private void add(Views.Placed view) {
		CTabFolder folder = folders.getOrDefault(view.place(), folders.get("bottom"));
		CTabItem tab = new CTabItem(folder, SWT.NONE);
		Composite body = new Composite(folder, SWT.NONE);
		body.setLayout(new FillLayout());
		tab.setControl(body);
		VerifyView.ViewPart part;
		try {
			tab.setText(view.view().title());
			part = view.view().open(body, site());
		} catch (RuntimeException e) {
			// another bundle's view must not take the window down
			LOG.warn("The view {} failed to open: {}", view.view(), e.toString());
			tab.dispose();
			body.dispose();
			return;
		}
		open.put(view, new Open(tab, part));
		if (folder.getSelectionIndex() < 0) {
			folder.setSelection(tab);
		}
		body.layout();
	}

	private ViewSite site() {
		return new ViewSite() {
			@Override
			public FieldReview store() {
				return store;
			}

			@Override
			public String clerk() {
				return clerk;
			}

			@Override
			public int fontSize() {
				return preferences.fontSize();
			}

			@Override
			public boolean highContrast() {
				return preferences.highContrast();
			}
		};
	}

	// keys

	/** Listens to how long each Enter takes until the next field is drawn, in nanoseconds. */
	void onEnterDrawn(LongConsumer listener) {
		enterDrawn = listener;
	}

	private void key(Event e) {
		if (shell.isDisposed() || !(e.widget instanceof Control control) || control.isDisposed()
				|| control.getShell() != shell) {
			return;
		}
		long start = System.nanoTime();
		Optional<Command> command = bindings.command(e.stateMask, e.keyCode);
		boolean typing = command.isEmpty() && (e.stateMask & (SWT.CTRL | SWT.ALT)) == 0
				&& (Character.isDigit(e.character) || e.character == '.' || e.character == ',');
		if (command.isEmpty() && !typing) {
			return;
		}
		e.doit = false;
		if (typing) {
			session.type(e.character);
			refresh();
		} else {
			run(command.get());
		}
		if (command.equals(Optional.of(Command.CONFIRM))) {
			// painted, not only asked to paint
			shell.update();
			enterDrawn.accept(System.nanoTime() - start);
		}
	}

	/** Does what a command's key or menu item asks. */
	private void run(Command command) {
		if (shell.isDisposed()) {
			return;
		}
		try {
			Act act = switch (command) {
			case CONFIRM -> session.confirm();
			case UNDO -> session.undo();
			case REJECT -> {
				Optional<String> reason = RejectDialog.pick(shell);
				yield reason.isPresent() ? session.reject(reason.get()) : Act.refused("not rejected");
			}
			case NEXT_DOCUMENT -> session.nextDocument();
			case PREVIOUS_DOCUMENT -> session.previousDocument();
			case CELL_LEFT -> edit(() -> session.moveCell(-1));
			case CELL_RIGHT -> edit(() -> session.moveCell(+1));
			case BACKSPACE -> edit(session::backspace);
			case CLEAR -> edit(session::clear);
			case CONFUSION_PAIRS -> {
				confusionPairs();
				yield null;
			}
			case DRAW_PAD -> {
				drawPad();
				yield null;
			}
			case OPEN_FILES -> {
				openFiles();
				yield null;
			}
			case OPEN_FOLDER -> {
				openFolder();
				yield null;
			}
			case LARGER_TEXT -> look(preferences.fontSize() + 2, preferences.highContrast());
			case SMALLER_TEXT -> look(preferences.fontSize() - 2, preferences.highContrast());
			case HIGH_CONTRAST -> look(preferences.fontSize(), !preferences.highContrast());
			case KEYS -> {
				keyTable();
				yield null;
			}
			case QUIT -> {
				shell.close();
				yield null;
			}
			};
			if (act == null) {
				return;
			}
			problem = act.done() ? "" : act.message();
		} catch (StoreException ex) {
			problem = ex.getMessage();
		}
		refresh();
	}

	/** An edit of the value on screen, which the session answers on the field itself. */
	private static Act edit(Runnable edit) {
		edit.run();
		return Act.done("");
	}

	// the clerk's look and keys

	/** Sets font size and contrast, opens every view anew with them and keeps them for the next window. */
	private Act look(int fontSize, boolean highContrast) {
		preferences.fontSize(fontSize);
		preferences.highContrast(highContrast);
		keepPreferences();
		statusLook();
		// after the key that asked for it: its widget goes with the views
		display.asyncExec(() -> {
			if (shell.isDisposed()) {
				return;
			}
			List<Views.Placed> reopened = new ArrayList<>(open.keySet());
			reopened.sort(Comparator.comparingInt(Views.Placed::order));
			reopened.forEach(this::close);
			reopened.forEach(this::addAndShow);
			shell.layout(true, true);
			// the control that had the keyboard went with its view: without one, GTK gives the window no keys
			shell.setFocus();
		});
		return Act.done("");
	}

	private void statusLook() {
		Font before = statusFont;
		FontData base = display.getSystemFont().getFontData()[0];
		statusFont = new Font(display, base.getName(), preferences.fontSize(), SWT.NORMAL);
		status.setFont(statusFont);
		if (before != null) {
			before.dispose();
		}
		status.setBackground(preferences.highContrast() ? display.getSystemColor(SWT.COLOR_BLACK) : null);
	}

	/** The key table; keys a clerk gave commands there are kept and labelled in the menus at once. */
	private void keyTable() {
		if (KeysDialog.open(shell, bindings)) {
			preferences.keyBindings(bindings);
			keepPreferences();
			Menu before = shell.getMenuBar();
			shell.setMenuBar(menu());
			before.dispose();
		}
	}

	private void keepPreferences() {
		try {
			preferences.save();
		} catch (IOException e) {
			problem = "could not keep " + clerk + "'s settings: " + e.getMessage();
		}
	}

	// drawing

	private void refresh() {
		if (shell.isDisposed()) {
			return;
		}
		try {
			state = state();
		} catch (StoreException e) {
			problem = e.getMessage();
			showStatus();
			return;
		}
		shell.setText(session.title());
		for (Open part : new ArrayList<>(open.values())) {
			show(part, state);
		}
		showStatus();
	}

	private void show(Open part, DeskState shown) {
		try {
			part.part().show(shown);
		} catch (RuntimeException e) {
			LOG.warn("The view {} failed to draw: {}", part.tab().getText(), e.toString());
		}
	}

	private DeskState state() throws StoreException {
		Optional<FieldOnScreen> field = session.current();
		List<StoredField> pageFields = List.of();
		List<StoredField> upcoming = List.of();
		if (field.isPresent()) {
			StoredField stored = field.get().field();
			pageFields = store.pageFields(stored.id());
			upcoming = store.reviewQueue(stored.place(), true, clerk, UPCOMING);
		}
		return new DeskState(field, pageFields, upcoming, session.figures());
	}

	private void showStatus() {
		if (state == null || status.isDisposed()) {
			return;
		}
		SessionFigures figures = state.figures();
		String keystrokes = figures.fullKeying() == 0 ? figures.keystrokes() + " keys"
				: String.format(Locale.ROOT, "%d keys for %d of full keying (%.0f%%)", figures.keystrokes(),
						figures.fullKeying(), 100.0 * figures.keystrokes() / figures.fullKeying());
		String text = String.format(Locale.ROOT, "Waiting: %d   Done: %d   %s   %.0f fields/h   Clerk: %s",
				figures.waiting(), figures.done(), keystrokes, figures.fieldsPerHour(), clerk);
		if (!activity.isEmpty()) {
			text += "   |   " + activity;
		}
		if (!problem.isEmpty()) {
			text += "   |   " + problem;
		}
		status.setText(text);
		int normal = preferences.highContrast() ? SWT.COLOR_WHITE : SWT.COLOR_WIDGET_FOREGROUND;
		status.setForeground(display.getSystemColor(problem.isEmpty() ? normal : SWT.COLOR_RED));
	}

	// timers

	private void keepAlive() {
		int period = (int) Math.max(1000, session.lease().toMillis() / 3);
		display.timerExec(period, () -> {
			if (shell.isDisposed()) {
				return;
			}
			try {
				session.keepAlive();
			} catch (StoreException e) {
				problem = e.getMessage();
				showStatus();
			}
			keepAlive();
		});
	}

	private void lookAgain() {
		display.timerExec(LOOK_AGAIN_MILLIS, () -> {
			if (shell.isDisposed()) {
				return;
			}
			try {
				if (session.current().isEmpty() && session.lookAgain()) {
					refresh();
				} else if (session.current().isEmpty()) {
					state = state();
					showStatus();
				}
			} catch (StoreException e) {
				problem = e.getMessage();
				showStatus();
			}
			lookAgain();
		});
	}

	/** The clerk's layout, kept for the next window. */
	private void keepLayout() {
		preferences.keepWeights("columns", columns.getWeights());
		preferences.keepWeights("rows", rows.getWeights());
		try {
			preferences.save();
		} catch (IOException e) {
			LOG.warn("Could not keep {}'s window settings: {}", clerk, e.toString());
		}
	}

	private void closing() {
		display.removeFilter(SWT.KeyDown, keys);
		imports.dispose();
		if (statusFont != null) {
			statusFont.dispose();
		}
		views.unwatch(this);
		open.values().forEach(o -> o.part().dispose());
		open.clear();
		try {
			session.close();
		} catch (StoreException e) {
			LOG.warn("Could not give up the fields {} had on screen (their claims run out by themselves): {}",
					clerk, e.getMessage());
		}
		LOG.debug("Window of {} open for {} s", clerk, (System.nanoTime() - openedNanos) / 1e9);
	}
}
