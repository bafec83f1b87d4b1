package com.digitdesk.intake;

import java.io.PrintStream;

/**
 * Shows how an import advances: a bar redrawn in place on a terminal, a plain
 * line every few seconds otherwise (logs, pipes).
 */
final class ImportProgress {

	static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
	static final long BAR_INTERVAL_NANOS = 200_000_000L;
	static final int BAR_WIDTH = 30;

	private final PrintStream err;
	private final boolean terminal;
	private final long start = System.nanoTime();
	private long lastShown;
	private boolean drawn;

	ImportProgress(PrintStream err, boolean terminal) {
		this.err = err;
		this.terminal = terminal;
	}

	synchronized void update(ImportReport report, boolean force) {
		long now = System.nanoTime();
		if (!force && now - lastShown < (terminal ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS)) {
			return;
		}
		lastShown = now;
		int files = report.files();
		int done = report.filesDone();
		double seconds = (now - start) / 1e9;
		double pagesPerSecond = seconds > 0 ? report.pages() / seconds : 0;
		String eta = done > 0 && done < files ? clock(seconds / done * (files - done)) : "-";
		String figures = String.format("%d/%d files, %d pages, %.1f pages/s, ETA %s", done, files, report.pages(),
				pagesPerSecond, eta);
		if (terminal) {
			int filled = files == 0 ? BAR_WIDTH : BAR_WIDTH * done / files;
			err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + figures + "   ");
			drawn = true;
		} else {
			err.println("import: " + figures);
		}
		err.flush();
	}

	/** Ends the bar's line so that what follows starts on its own. */
	synchronized void finish(ImportReport report) {
		update(report, true);
		if (terminal && drawn) {
			err.println();
		}
	}

	static String clock(double seconds) {
		long s = Math.round(seconds);
		return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
				: String.format("%d:%02d", s / 60, s % 60);
	}
}
