package com.digitdesk.verify.ui;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;

/**
 * Why a field cannot be read, picked by keyboard: the digit of a reason, or
 * arrows and Enter; Esc keeps the field.
 */
final class RejectDialog {

	static final List<String> REASONS = List.of("unreadable", "torn or cut off", "crossed out or overwritten",
			"not a number", "field does not belong to this form");

	private RejectDialog() {
	}

	static Optional<String> pick(Shell parent) {
		Shell dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
		dialog.setText("Reject the field: why? (1-" + REASONS.size() + ", Enter, Esc)");
		dialog.setLayout(new FillLayout());
		org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(dialog, SWT.SINGLE | SWT.BORDER);
		for (int i = 0; i < REASONS.size(); i++) {
			list.add((i + 1) + "  " + REASONS.get(i));
		}
		list.select(0);
		String[] picked = { null };
		list.addListener(SWT.KeyDown, e -> {
			if (e.character >= '1' && e.character < '1' + REASONS.size()) {
				picked[0] = REASONS.get(e.character - '1');
				dialog.close();
			} else if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
				picked[0] = REASONS.get(Math.max(0, list.getSelectionIndex()));
				dialog.close();
			} else if (e.keyCode == SWT.ESC) {
				dialog.close();
			}
		});
		list.addListener(SWT.DefaultSelection, e -> {
			picked[0] = REASONS.get(Math.max(0, list.getSelectionIndex()));
			dialog.close();
		});
		dialog.setSize(420, 200);
		dialog.setLocation(parent.getLocation().x + 100, parent.getLocation().y + 100);
		Modal.run(dialog, list);
		return Optional.ofNullable(picked[0]);
	}
}
