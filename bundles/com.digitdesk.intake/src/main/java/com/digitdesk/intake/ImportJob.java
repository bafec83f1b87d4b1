package com.digitdesk.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredDocument;

/**
 * Imports files into a store, one file per worker at a time. A file's
 * content hash decides whether it is new, half done (then only its missing
 * pages are stored) or already stored; its pages are read, routed a return
 * at a time (rules tie a 1040 to its W-2s, see {@link PageGroups}) and each
 * stored in its own transaction, so a killed import loses at most the
 * return in flight. A file that cannot be
 * read is quarantined with the reason and the others go on.
 */
final class ImportJob {

	private final PageRenderer renderer;
	private final PageReader reader;
	private final FieldRouter router;
	private final ResultStore store;
	private final int threads;
	private final Consumer<String> fileLog;
	/** Content hashes being imported in this run, so that two copies of a file are read once. */
	private final Set<String> claimed = ConcurrentHashMap.newKeySet();

	/** @param fileLog told of every file finished, one line each */
	ImportJob(PageRenderer renderer, PageReader reader, FieldRouter router, ResultStore store, int threads,
			Consumer<String> fileLog) {
		this.renderer = renderer;
		this.reader = reader;
		this.router = router;
		this.store = store;
		this.threads = threads;
		this.fileLog = fileLog;
	}

	/**
	 * @throws StoreException when the store itself fails (nothing can be
	 *         stored then, so the run stops)
	 * @throws RecognitionException when the recognizer cannot run at all
	 *         (every file would fail alike, so the run stops)
	 */
	void run(List<Path> files, ImportReport report, ImportProgress progress)
			throws StoreException, RecognitionException, InterruptedException {
		ExecutorService workers = Executors.newFixedThreadPool(threads, new WorkerThreads());
		try {
			List<Future<?>> done = files.stream().<Future<?>>map(file -> workers.submit(() -> {
				importFile(file, report);
				progress.update(report, false);
				return null;
			})).toList();
			for (Future<?> future : done) {
				try {
					future.get();
				} catch (ExecutionException e) {
					if (e.getCause() instanceof StoreException store) {
						throw store;
					}
					if (e.getCause() instanceof RecognitionException recognition) {
						throw recognition;
					}
					throw new IllegalStateException(e.getCause());
				}
			}
		} finally {
			workers.shutdownNow();
		}
		progress.finish(report);
	}

	private void importFile(Path file, ImportReport report) throws StoreException, RecognitionException {
		String name = file.getFileName().toString();
		String sha256;
		try {
			sha256 = sha256(file);
		} catch (IOException e) {
			fail(file, "", "cannot be read: " + e.getMessage(), report);
			return;
		}
		Optional<StoredDocument> known = store.findDocument(sha256);
		if (known.isPresent() && known.get().complete()) {
			report.alreadyStored();
			fileLog.accept("already stored: " + file);
			return;
		}
		if (!claimed.add(sha256)) {
			report.duplicate();
			fileLog.accept("same content as another file of this import: " + file);
			return;
		}
		try (PdfDocument pdf = renderer.open(file)) {
			// A document begun by an earlier, interrupted import goes on where it stopped.
			StoredDocument document = known.isPresent() ? known.get()
					: store.openDocument(new DocumentSource(name, sha256, pdf.pageCount()));
			Set<Integer> stored = store.storedPages(document.id());
			// Every page is read, the stored ones too: the rules between pages (a return's W-2s and its 1040)
			// route each page of a group with what the others say.
			PageGroups groups = new PageGroups();
			int storedNow = 0;
			for (int p = 0; p < pdf.pageCount(); p++) {
				for (List<ReadPage> group : groups.add(reader.read(p, pdf.scan(p, PageReader.RENDER_DPI)))) {
					storedNow += store(document, stored, group, name, report);
				}
			}
			for (List<ReadPage> group : groups.finish()) {
				storedNow += store(document, stored, group, name, report);
			}
			store.completeDocument(document.id());
			report.fileDone();
			fileLog.accept("stored: " + file + " (" + storedNow + " of " + pdf.pageCount() + " pages stored now)");
		} catch (DocumentException e) {
			fail(file, sha256, e.getMessage(), report);
		} catch (RuntimeException e) {
			// A defect met on one odd file must not stop the archive; the reason says where.
			fail(file, sha256, "cannot be read: " + e, report);
		}
	}

	/** Routes a group of pages together and stores those not stored yet; returns how many it stored. */
	private int store(StoredDocument document, Set<Integer> stored, List<ReadPage> group, String name,
			ImportReport report) throws StoreException {
		Map<Integer, DocumentChecks.Findings> findings = DocumentChecks.of(group, router);
		int storedNow = 0;
		for (ReadPage readPage : group) {
			if (!stored.contains(readPage.pageIndex())) {
				PageResult page = readPage.result(router,
						findings.getOrDefault(readPage.pageIndex(), DocumentChecks.Findings.NONE));
				store.storePage(document.id(), page);
				report.stored(name, page);
				storedNow++;
			}
		}
		return storedNow;
	}

	private void fail(Path file, String sha256, String reason, ImportReport report) throws StoreException {
		store.quarantine(new QuarantineEntry(file.toString(), sha256, reason, Instant.now()));
		report.failed(file.toString(), reason);
		fileLog.accept("quarantined: " + file + ": " + reason);
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest = digest();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}

	/** Named daemon threads: a stuck worker never keeps the framework from stopping. */
	private static final class WorkerThreads implements ThreadFactory {
		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable work) {
			Thread thread = new Thread(work, "digitdesk-import-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}
	}
}
