package com.digitdesk.verify.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import com.digitdesk.api.intake.ArchiveImport;
import com.digitdesk.api.intake.ImportStatus;
import com.digitdesk.api.store.StoreException;

/**
 * The window's import: files opened or dropped are imported in the
 * background as {@code digitdesk import} does, with a bar (files), the pages
 * and fields stored, the time left, and a cancel that keeps what is stored.
 */
final class ImportBar {

	private final Optional<ArchiveImport> importer;
	private final String storeUrl;
	private final Composite row;
	private final ProgressBar bar;
	private final Label text;
	private final Button cancel;
	private ArchiveImport.ImportRun running;

	ImportBar(Composite parent, Optional<ArchiveImport> importer, String storeUrl) {
		this.importer = importer;
		this.storeUrl = storeUrl;
		row = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(3, false);
		layout.marginHeight = 0;
		row.setLayout(layout);
		bar = new ProgressBar(row, SWT.HORIZONTAL);
		bar.setLayoutData(new GridData(240, SWT.DEFAULT));
		text = new Label(row, SWT.NONE);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		cancel = new Button(row, SWT.PUSH);
		cancel.setText("Cancel import");
		cancel.addListener(SWT.Selection, e -> cancel());
		show(false);
	}

	Composite control() {
		return row;
	}

	boolean running() {
		return running != null && !running.status().finished();
	}

	/** Starts importing; the answer for the status bar when it cannot. */
	Optional<String> start(List<Path> paths) {
		if (importer.isEmpty()) {
			return Optional.of("cannot import: the import service is not installed");
		}
		if (running()) {
			return Optional.of("an import is under way: cancel it or wait for it to end");
		}
		try {
			running = importer.get().start(paths, storeUrl, status -> row.getDisplay().asyncExec(() -> {
				if (!row.isDisposed()) {
					show(status);
				}
			}));
		} catch (StoreException | IllegalArgumentException e) {
			return Optional.of("cannot import: " + e.getMessage());
		}
		show(true);
		text.setText("Importing " + paths.size() + (paths.size() == 1 ? " path" : " paths") + "...");
		return Optional.empty();
	}

	/** Stops the import after the pages in hand; what is stored stays. */
	void cancel() {
		if (running()) {
			running.cancel();
			text.setText("Cancelling after the pages in hand...");
		}
	}

	private void show(ImportStatus status) {
		bar.setMaximum(Math.max(1, status.files()));
		bar.setSelection(status.filesDone());
		String eta = status.etaSeconds() < 0 ? "-" : clock(status.etaSeconds());
		String figures = String.format(Locale.ROOT, "%d/%d files, %d pages, %d fields (%d waiting)",
				status.filesDone(), status.files(), status.pages(), status.fields(), status.needsReview());
		text.setText(switch (status.state()) {
		case RUNNING -> "Importing: " + figures + ", ETA " + eta;
		case DONE -> "Imported: " + figures + (status.failed() > 0 ? ", " + status.failed() + " files failed" : "");
		case CANCELLED, STOPPED -> "Import " + status.message() + " (" + figures + ")";
		});
		cancel.setEnabled(!status.finished());
		row.layout();
	}

	private void show(boolean visible) {
		bar.setVisible(visible);
		cancel.setVisible(visible);
		row.layout();
	}

	private static String clock(double seconds) {
		long s = Math.round(seconds);
		return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

	void dispose() {
		if (running()) {
			// the window closes: the import stops after the pages in hand, what it stored stays
			running.cancel();
		}
	}
}
