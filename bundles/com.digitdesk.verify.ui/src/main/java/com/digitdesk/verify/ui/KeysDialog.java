package com.digitdesk.verify.ui;

import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import com.digitdesk.verify.ui.KeyBindings.Command;
import com.digitdesk.verify.ui.KeyBindings.KeyStroke;

/**
 * The window's keys (F1), and where a clerk gives a command keys of their
 * own: arrows pick a command, Enter then the new key binds it, Delete gives
 * it its documented keys back, Esc closes.
 */
final class KeysDialog {

	static final String TITLE = "DigitDesk verify - keys";

	private static final String HINT = "Enter: give the command another key   Delete: its usual keys   Esc: close";

	private final Shell dialog;
	private final Table table;
	private final Label hint;
	private final KeyBindings bindings;
	/** The command waiting for its new key, while the clerk is to press it. */
	private Command rebinding;
	private boolean changed;

	private KeysDialog(Shell parent, KeyBindings bindings) {
		this.bindings = bindings;
		dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.APPLICATION_MODAL);
		dialog.setText(TITLE);
		dialog.setLayout(new GridLayout(1, false));
		table = new Table(dialog, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table.setHeaderVisible(true);
		for (String title : new String[] { "Command", "Keys" }) {
			new TableColumn(table, SWT.LEFT).setText(title);
		}
		table.getColumn(0).setWidth(300);
		table.getColumn(1).setWidth(220);
		for (Command command : Command.values()) {
			new TableItem(table, SWT.NONE).setData(command);
		}
		fill();
		// the keyboard's row too, not only the selection: arrows go on from the first command
		table.setSelection(0);
		hint = new Label(dialog, SWT.WRAP);
		hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		hint.setText(HINT);
		table.addListener(SWT.KeyDown, this::key);
		// the table's own type-ahead and Enter would act on keys meant as bindings
		table.addListener(SWT.Traverse, e -> {
			if (rebinding != null) {
				e.doit = false;
			}
		});
	}

	/**
	 * Shows the keys until the clerk closes the table; true when they gave a
	 * command other keys (the bindings are changed in place).
	 */
	static boolean open(Shell parent, KeyBindings bindings) {
		KeysDialog keys = new KeysDialog(parent, bindings);
		keys.dialog.setSize(580, 560);
		keys.dialog.setLocation(parent.getLocation().x + 80, parent.getLocation().y + 60);
		Modal.run(keys.dialog, keys.table);
		return keys.changed;
	}

	private void fill() {
		for (TableItem item : table.getItems()) {
			Command command = (Command) item.getData();
			item.setText(new String[] { command.label, bindings.describe(command) });
		}
	}

	private void key(Event e) {
		Command selected = (Command) table.getItem(Math.max(0, table.getSelectionIndex())).getData();
		if (rebinding != null) {
			e.doit = false;
			if (isModifier(e.keyCode)) {
				return;
			}
			Command command = rebinding;
			rebinding = null;
			if (e.keyCode == SWT.ESC && e.stateMask == 0) {
				hint.setText(HINT);
				return;
			}
			KeyStroke key = KeyStroke.of(e.stateMask, e.keyCode);
			if (key.types()) {
				hint.setText(key + " types into the value: pick another key. " + HINT);
				return;
			}
			Optional<Command> lost = bindings.bind(command, key);
			changed = true;
			fill();
			hint.setText(command.label + ": " + key + lost.map(c -> " (taken from \"" + c.label + "\")").orElse("")
					+ "   " + HINT);
		} else if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
			e.doit = false;
			rebinding = selected;
			hint.setText("Press the key for \"" + selected.label + "\" (Esc: keep " + bindings.describe(selected)
					+ ")");
		} else if (e.keyCode == SWT.DEL) {
			e.doit = false;
			bindings.reset(selected);
			changed = true;
			fill();
			hint.setText(selected.label + ": " + bindings.describe(selected) + " again   " + HINT);
		} else if (e.keyCode == SWT.ESC) {
			e.doit = false;
			dialog.close();
		}
	}

	private static boolean isModifier(int keyCode) {
		return keyCode == SWT.CTRL || keyCode == SWT.SHIFT || keyCode == SWT.ALT || keyCode == SWT.COMMAND
				|| keyCode == SWT.CAPS_LOCK;
	}
}
