package com.digitdesk.verify.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.PageScan;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.verify.VerificationDesk;
import com.digitdesk.api.verify.VerificationSession;

/**
 * {@code digitdesk verify-bench}: how fast the window is on a large store.
 * The imported pages of a store (with their scans) are copied into a new
 * embedded store until the given number of fields waits; the window opens on
 * it and real Enter keys confirm fields one after the other.
 */
@Component(service = Subcommand.class, property = Subcommand.NAME + "=verify-bench")
public final class VerifyBench implements Subcommand {

	private final ResultStores stores;
	private final VerificationDesk desk;
	private final Views views;

	@Activate
	public VerifyBench(@Reference ResultStores stores, @Reference VerificationDesk desk, @Reference Views views) {
		this.stores = stores;
		this.desk = desk;
		this.views = views;
	}

	@Override
	public String summary() {
		return "measure the verification window: open time and next field after Enter, on a store of N waiting fields";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk verify-bench [--from JDBC-URL] [--waiting N] [--enters K] [--pause MS]
				                              [--out DIR]

				Copies the pages with waiting fields of the store --from (default:
				the embedded one, after './digitdesk import'), scans included, into
				a new embedded store in DIR (default: a new temporary folder; its
				path is printed, delete it after: 10,000 waiting fields take about
				2 GB) until N fields wait (default 10000); opens the window on it
				(needs a display) and confirms K fields (default 200) with real Enter
				keys, MS milliseconds apart (default 250: four fields a second, faster
				than a clerk; the window reads the next fields meanwhile; 0: a
				scripted clerk as fast as the window). Prints the store's size, the
				window's open time (session opened to first field drawn), the time
				from each Enter to the next field drawn (p50, p95, max) and the
				fields per minute of that scripted clerk.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		int waiting;
		int enters;
		int pause;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--from", "--waiting", "--enters", "--pause",
					"--out"), Set.of()).withoutPositional();
			waiting = options.getInt("--waiting", 10_000);
			enters = options.getInt("--enters", 200);
			pause = options.getInt("--pause", 250);
			if (waiting < 1 || enters < 1 || pause < 0) {
				throw new IllegalArgumentException("--waiting and --enters need at least 1, --pause at least 0");
			}
		} catch (IllegalArgumentException e) {
			context.err().println("verify-bench: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		ResultStore source = stores.store(options.get("--from", stores.defaultUrl()));
		List<PageResult> pages = waitingPages(source);
		if (pages.isEmpty()) {
			context.err().println("verify-bench: no field waits in " + options.get("--from", stores.defaultUrl())
					+ " (run './digitdesk import' first)");
			return 1;
		}
		String out = options.get("--out", "");
		Path dir = out.isEmpty() ? Files.createTempDirectory("digitdesk-verify-bench") : context.resolve(out);
		String url = "jdbc:h2:file:" + dir.resolve("bench");
		ResultStore store = stores.store(url);
		long fillStart = System.nanoTime();
		int copies = 0;
		while (store.waitingCount() < waiting) {
			for (PageResult page : pages) {
				StoredDocument document = store.openDocument(new DocumentSource(String.format(Locale.ROOT,
						"bench-%06d.pdf", copies), String.format(Locale.ROOT, "%064x", copies + 1L), 1));
				store.storePage(document.id(), page);
				store.completeDocument(document.id());
				copies++;
				if (copies % 500 == 0) {
					context.err().printf(Locale.ROOT, "verify-bench: %d pages copied, %d fields waiting%n", copies,
							store.waitingCount());
				}
			}
		}
		int inStore = store.waitingCount();
		context.err().printf(Locale.ROOT, "verify-bench: %d pages, %d fields waiting, filled in %.0f s%n", copies,
				inStore, (System.nanoTime() - fillStart) / 1e9);
		double[] figures = measure(store, Math.min(enters, inStore), pause);
		List<Double> latencies = new ArrayList<>();
		for (int i = 1; i < figures.length - 1; i++) {
			latencies.add(figures[i]);
		}
		double wall = figures[figures.length - 1];
		latencies.sort(null);
		context.out().printf(Locale.ROOT, "store: %d pages, %d fields waiting (%s)%n", copies, inStore, url);
		context.out().printf(Locale.ROOT, "window open, first field drawn: %.0f ms%n", figures[0]);
		context.out().printf(Locale.ROOT, "next field drawn after Enter (%d Enters, %d ms apart): p50 %.1f ms, "
				+ "p95 %.1f ms, max %.1f ms%n", latencies.size(), pause, percentile(latencies, 0.50), percentile(latencies, 0.95),
				latencies.get(latencies.size() - 1));
		context.out().printf(Locale.ROOT, "scripted clerk (Enter %d ms after each field is drawn): %d fields in "
				+ "%.1f s, %.0f fields/minute%n", pause, latencies.size(), wall / 1000, 60_000.0 * latencies.size() / wall);
		return 0;
	}

	private static double percentile(List<Double> sorted, double share) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
	}

	/** The pages of the source store that have waiting fields, as an importer would store them. */
	private static List<PageResult> waitingPages(ResultStore source) throws Exception {
		Set<String> seen = new LinkedHashSet<>();
		List<PageResult> pages = new ArrayList<>();
		for (StoredField waiting : source.reviewQueue(2000)) {
			String page = waiting.place().documentId() + ":" + waiting.place().pageIndex();
			if (!seen.add(page)) {
				continue;
			}
			List<FieldResult> fields = new ArrayList<>();
			Map<String, FieldImage> snippets = new HashMap<>();
			for (StoredField field : source.pageFields(waiting.id())) {
				fields.add(new FieldResult(field.name(), field.value(), field.status(), field.confidence(),
						source.digits(field.id()), field.reasons(), field.proposal(), field.box()));
				source.fieldImage(field.id()).ifPresent(image -> snippets.put(field.name(), image));
			}
			Optional<PageScan> scan = source.pageScan(waiting.id());
			PageResult result = new PageResult(0, waiting.templateId(), 0.5, fields);
			pages.add(scan.map(s -> result.withScan(new PageScan(s.rasterWidth(), s.rasterHeight(), s.png(),
					snippets))).orElse(result));
		}
		return pages;
	}

	/**
	 * Opens the window and presses Enter; [0] the open time, then each
	 * Enter's time to the next field, then the time of all Enters, in ms.
	 */
	private double[] measure(ResultStore store, int enters, int pause) throws Exception {
		double[] figures = new double[enters + 2];
		CountDownLatch drawn = new CountDownLatch(enters);
		AtomicReference<VerifyWindow> opened = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch ready = new CountDownLatch(1);
		CountDownLatch closed = new CountDownLatch(1);
		int[] count = { 0 };
		Thread ui = new Thread(() -> {
			Display display = new Display();
			try {
				long start = System.nanoTime();
				try (VerificationSession session = desk.open(store, "bench")) {
					VerifyWindow window = new VerifyWindow(display, session, store, "bench", views,
							ClerkPreferences.load(Files.createTempDirectory("digitdesk-bench-clerk"), "bench"),
							Optional.empty(), "", Optional.empty());
					window.onEnterDrawn(nanos -> {
						if (count[0] < enters) {
							figures[1 + count[0]++] = nanos / 1e6;
							drawn.countDown();
						}
					});
					window.open();
					window.shell().update();
					figures[0] = (System.nanoTime() - start) / 1e6;
					opened.set(window);
					ready.countDown();
					EventLoop.runUntilClosed(window.shell());
				}
			} catch (Throwable e) {
				failure.set(e);
				ready.countDown();
			} finally {
				display.dispose();
				closed.countDown();
			}
		}, "digitdesk-verify-bench");
		ui.start();
		ready.await();
		if (failure.get() != null) {
			throw new IllegalStateException("the window did not open: " + failure.get(), failure.get());
		}
		Display display = Display.findDisplay(ui);
		VerifyWindow window = opened.get();
		display.syncExec(() -> {
			window.shell().forceActive();
			Rectangle bounds = window.shell().getBounds();
			Event move = new Event();
			move.type = SWT.MouseMove;
			move.x = bounds.x + bounds.width / 2;
			move.y = bounds.y + bounds.height / 2;
			display.post(move);
		});
		long first = System.nanoTime();
		for (int i = 0; i < enters; i++) {
			Thread.sleep(pause);
			long before = drawn.getCount();
			for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
				Event key = new Event();
				key.type = type;
				key.keyCode = SWT.CR;
				display.syncExec(() -> display.post(key));
			}
			long deadline = System.currentTimeMillis() + 10_000;
			while (drawn.getCount() == before && System.currentTimeMillis() < deadline) {
				Thread.sleep(1);
			}
		}
		drawn.await(30, TimeUnit.SECONDS);
		figures[enters + 1] = (System.nanoTime() - first) / 1e6;
		display.syncExec(() -> window.shell().close());
		closed.await(30, TimeUnit.SECONDS);
		return figures;
	}
}
