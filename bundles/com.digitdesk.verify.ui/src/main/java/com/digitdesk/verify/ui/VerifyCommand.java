package com.digitdesk.verify.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.data.DataDirectory;
import com.digitdesk.api.intake.ArchiveImport;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.ModelFollowing;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.verify.KeyedOutcome;
import com.digitdesk.api.verify.KeyedValue;
import com.digitdesk.api.verify.VerificationDesk;
import com.digitdesk.api.verify.VerificationSession;

/**
 * {@code digitdesk verify}: opens the verification window on a store, for a
 * clerk; with paths, imports them first in the background (the import
 * command itself) while the window fills.
 */
@Component(service = Subcommand.class, property = Subcommand.NAME + "=verify")
public final class VerifyCommand implements Subcommand {

	private final ResultStores stores;
	private final VerificationDesk desk;
	private final Views views;
	private final DataDirectory data;
	private final Optional<ArchiveImport> importer;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
	volatile DigitRecognizer recognizer;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
	volatile DigitNormalizer normalizer;

	/** Puts the recognizer (draw pad, first layer, the files imported first) on the store's current model. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
	volatile ModelFollowing models;

	@Activate
	public VerifyCommand(@Reference ResultStores stores, @Reference VerificationDesk desk, @Reference Views views,
			@Reference DataDirectory data, @Reference(cardinality = ReferenceCardinality.OPTIONAL,
					policyOption = ReferencePolicyOption.GREEDY) ArchiveImport importer) {
		this.stores = stores;
		this.desk = desk;
		this.views = views;
		this.data = data;
		this.importer = Optional.ofNullable(importer);
	}

	@Override
	public String summary() {
		return "open the clerks' verification window (imports PATHs first, in the background)";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk verify [--db JDBC-URL] [--clerk NAME] [PATH...]
				       digitdesk verify --from-csv FILE [--db JDBC-URL] [--clerk NAME]

				Opens the verification window on the store (default: the embedded
				one) for the clerk (default: the OS user name), on the first field
				waiting for a clerk in document order (the review-queue's order).
				With PATHs (PDF files or folders) they are imported first, in the
				background, as 'digitdesk import' does; the window fills as pages
				are read (File > Open and dropping PDFs on the window do the same).
				Needs a display (X11 or Wayland).

				--from-csv FILE: no window; applies values keyed elsewhere (rows
				file,page,field,value, the names 'export' writes, page counted from
				1; a header row may come first) as the clerk's decisions, through
				the same format checks, claims, audit and training samples as the
				window. A row that matches no waiting field, fails the field's
				format or meets a field on another clerk's screen is reported and
				not applied.

				Keys: digits replace the value (an amount's last two are its cents;
				'.' is taken too); Backspace edits; Delete empties; Enter confirms
				and moves on; Ctrl+Z undoes the last confirmation; Page Down / Page
				Up: next / previous document; F4 or Ctrl+R: reject, with a reason
				picked by its digit; Ctrl+D: the draw pad (draw a digit, see what
				the recognizer reads); Ctrl+G: the confusion-pair grids (arrows move,
				a digit relabels a tile, Enter confirms the grid, Esc goes back);
				Left / Right: a digit cell, a digit typed on it
				changes just that digit; Ctrl+= / Ctrl+-: zoom the page;
				Ctrl+Shift+Up / Ctrl+Shift+Down: larger / smaller text; F11: high
				contrast; F1: the key table, where a clerk gives any command keys
				of their own; Ctrl+Q: close. Text size, contrast, keys and layout
				are kept per clerk (clerks/NAME.properties in the data directory).""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--db", "--clerk", "--from-csv"), Set.of());
		} catch (IllegalArgumentException e) {
			context.err().println("verify: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		String url = options.get("--db", stores.defaultUrl());
		String clerk = options.get("--clerk", System.getProperty("user.name", "clerk"));
		List<Path> paths = options.positional().stream().map(context::resolve).toList();
		if (!paths.isEmpty() && importer.isEmpty()) {
			context.err().println("verify: cannot import " + paths + ": the import service is not installed");
			return 1;
		}
		for (Path path : paths) {
			if (!Files.exists(path)) {
				context.err().println("verify: " + path + ": no such file or directory");
				return 2;
			}
		}
		FieldReview store;
		try {
			store = stores.store(url);
			ModelFollowing following = models;
			if (following != null) {
				following.readWithCurrentModel(url);
			}
		} catch (StoreException e) {
			context.err().println("verify: " + e.getMessage());
			return 1;
		}
		String keyed = options.get("--from-csv", "");
		if (!keyed.isEmpty()) {
			if (!paths.isEmpty()) {
				context.err().println("verify: --from-csv takes no PATH\n" + usage());
				return 2;
			}
			return applyKeyed(context, store, clerk, context.resolve(keyed));
		}
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch closed = new CountDownLatch(1);
		// SWT's thread is the one that makes the Display: a thread of the window's own
		Thread ui = new Thread(() -> {
			try {
				showWindow(store, clerk, url, paths);
			} catch (Throwable e) {
				failure.set(e);
			} finally {
				closed.countDown();
			}
		}, "digitdesk-verify-window");
		// the command waits for it; it must never keep a framework from stopping
		ui.setDaemon(true);
		ui.start();
		closed.await();
		Throwable problem = failure.get();
		if (problem instanceof SWTError error) {
			context.err().println("verify: cannot open a window: " + error.getMessage()
					+ " (is there a display? DISPLAY=" + System.getenv("DISPLAY") + ")");
			return 1;
		}
		if (problem instanceof StoreException error) {
			context.err().println("verify: " + error.getMessage());
			return 1;
		}
		if (problem instanceof Exception error) {
			throw error;
		}
		if (problem instanceof Error error) {
			throw error;
		}
		return 0;
	}

	/** Values keyed elsewhere, applied as the clerk's decisions without a window. */
	private int applyKeyed(CommandContext context, FieldReview store, String clerk, Path file) throws Exception {
		List<KeyedValue> values;
		try {
			values = KeyedCsv.read(file);
		} catch (IOException e) {
			context.err().println("verify: " + e.getMessage());
			return 2;
		}
		List<KeyedOutcome> outcomes;
		try {
			outcomes = desk.applyKeyed(store, clerk, values);
		} catch (StoreException e) {
			context.err().println("verify: " + e.getMessage());
			return 1;
		}
		long applied = outcomes.stream().filter(KeyedOutcome::applied).count();
		for (int i = 0; i < outcomes.size(); i++) {
			KeyedOutcome outcome = outcomes.get(i);
			if (!outcome.applied()) {
				context.out().printf(Locale.ROOT, "verify: value %d (%s) not applied: %s%n", i + 1, outcome.row(),
						outcome.message());
			}
		}
		context.out().printf(Locale.ROOT, "verify: %d of %d values applied as %s's decisions, %d reported%n",
				applied, outcomes.size(), clerk, outcomes.size() - applied);
		return 0;
	}

	/** The draw pad's recognizer and normalizer, when both are there. */
	private Optional<VerifyWindow.Recognition> recognition() {
		DigitRecognizer reading = recognizer;
		DigitNormalizer normalizing = normalizer;
		return reading == null || normalizing == null ? Optional.empty()
				: Optional.of(new VerifyWindow.Recognition(reading, normalizing));
	}

	private void showWindow(FieldReview store, String clerk, String url, List<Path> paths) throws StoreException {
		Display display = new Display();
		try (VerificationSession session = desk.open(store, clerk)) {
			VerifyWindow window = new VerifyWindow(display, session, store, clerk, views,
					ClerkPreferences.load(data.path(), clerk), importer, url, recognition());
			window.open();
			if (!paths.isEmpty()) {
				window.importPaths(paths);
			}
			EventLoop.runUntilClosed(window.shell());
		} finally {
			display.dispose();
		}
	}
}
