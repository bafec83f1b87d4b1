package com.digitdesk.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.routing.FieldRouting;
import com.digitdesk.api.routing.PageGrouping;
import com.digitdesk.api.routing.RoutingPolicy;
import com.digitdesk.api.store.ClaimLostException;
import com.digitdesk.api.store.DocumentClaim;
import com.digitdesk.api.store.DocumentIngest;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.image.GrayImage;

/**
 * Imports files into a store, one file per worker at a time. A file's
 * content hash decides whether it is new, half done (then only its missing
 * pages are stored) or already stored; its pages are read, routed a return
 * at a time (rules tie a 1040 to its W-2s, see {@link PageGrouping}) and each
 * stored in its own transaction, so a killed import loses at most the
 * return in flight.
 *
 * <p>Every file ends stored or quarantined with the reason, whatever it does
 * to the reader (the renderer contains what PDFBox does with a hostile file);
 * a file quarantined after some of its pages were stored is removed from the
 * store first, so it is never half-stored.
 *
 * <p>Several importers may share a store: each claims a file's content
 * before reading it (a lease it renews while it lives), so each file is read
 * by one of them. Files another importer holds are looked at again at the
 * end, until that importer finished them or died and its lease ran out.
 */
final class ImportJob {

	private static final Logger LOG = LoggerFactory.getLogger(ImportJob.class);

	/** A file changed this recently may still be being written: wait until it has rested this long. */
	private static final Duration SETTLE = Duration.ofSeconds(2);

	/** How a file ended for this importer. */
	private enum Outcome {
		DONE, HELD_ELSEWHERE
	}

	/** What the import may wait for and claim. */
	record Timing(Duration lease, Duration maxSettle) {
	}

	/** What the import keeps besides the values. */
	record Keeping(boolean scans) {
	}

	private final PageRenderer renderer;
	private final PageReader reader;
	private final FieldRouting routing;
	private final RoutingPolicy policy;
	private final DocumentIngest store;
	private final int threads;
	private final Timing timing;
	private final Consumer<String> fileLog;
	private final Keeping keeping;
	private final String claimant = claimant();
	/** Content hashes being imported in this run, so that two copies of a file are read once. */
	private final Set<String> claimedHere = ConcurrentHashMap.newKeySet();
	/** Files another importer held when this one came to them, and their content: theirs when found stored later. */
	private final Map<Path, String> heldElsewhere = new ConcurrentHashMap<>();
	private final Instant start = Instant.now();
	/** Set by {@link #stop()}: no file is begun and no page read after it; what is stored stays. */
	private final AtomicBoolean stopping = new AtomicBoolean();

	/** @param fileLog told of every file finished, one line each */
	ImportJob(PageRenderer renderer, PageReader reader, FieldRouting routing, RoutingPolicy policy, DocumentIngest store,
			int threads, Timing timing, Keeping keeping, Consumer<String> fileLog) {
		this.renderer = renderer;
		this.reader = reader;
		this.routing = routing;
		this.policy = policy;
		this.store = store;
		this.threads = threads;
		this.timing = timing;
		this.fileLog = fileLog;
		this.keeping = keeping;
	}

	/**
	 * @throws StoreException when the store itself fails (nothing can be
	 *         stored then, so the run stops)
	 * @throws RecognitionException when the recognizer cannot run at all
	 *         (every file would fail alike, so the run stops)
	 */
	void run(List<Path> files, ImportReport report, ImportProgress progress)
			throws StoreException, RecognitionException, InterruptedException {
		ExecutorService workers = Executors.newFixedThreadPool(threads, new WorkerThreads("digitdesk-import-"));
		ScheduledExecutorService renewal = Executors
				.newSingleThreadScheduledExecutor(new WorkerThreads("digitdesk-import-claims-"));
		long renewMillis = Math.max(100, timing.lease().toMillis() / 3);
		renewal.scheduleWithFixedDelay(this::renewClaims, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
		try {
			List<Path> waiting = importAll(workers, files, report, progress);
			// Files other importers hold: theirs once they finish them, ours if their lease runs out.
			while (!waiting.isEmpty() && !stopping.get()) {
				TimeUnit.MILLISECONDS.sleep(Math.min(5000, Math.max(200, timing.lease().toMillis() / 4)));
				waiting = importAll(workers, waiting, report, progress);
			}
		} finally {
			renewal.shutdownNow();
			workers.shutdownNow();
		}
		progress.finish(report);
	}

	/**
	 * Stops the import without interrupting a thread (an interrupt during a
	 * file write closes an embedded database): files not begun are left, a
	 * file in hand stops after its current page and stays resumable.
	 */
	void stop() {
		stopping.set(true);
	}

	boolean stopped() {
		return stopping.get();
	}

	private List<Path> importAll(ExecutorService workers, List<Path> files, ImportReport report,
			ImportProgress progress) throws StoreException, RecognitionException, InterruptedException {
		List<Future<Outcome>> outcomes = files.stream().map(file -> workers.submit(() -> {
			if (stopping.get()) {
				return Outcome.DONE;
			}
			Outcome outcome = importFile(file, report);
			progress.update(report, false);
			return outcome;
		})).toList();
		List<Path> waiting = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			try {
				if (outcomes.get(i).get() == Outcome.HELD_ELSEWHERE) {
					waiting.add(files.get(i));
				}
			} catch (ExecutionException e) {
				if (e.getCause() instanceof StoreException failed) {
					throw failed;
				}
				if (e.getCause() instanceof RecognitionException failed) {
					throw failed;
				}
				throw new IllegalStateException(e.getCause());
			}
		}
		return waiting;
	}

	private void renewClaims() {
		try {
			store.renewClaims(claimant, timing.lease());
		} catch (StoreException | RuntimeException e) {
			// the next fenced write says whether a claim was lost
			LOG.warn("Cannot renew the import's claims: {}", e.getMessage());
		}
	}

	private Outcome importFile(Path file, ImportReport report) throws StoreException, RecognitionException {
		// a file another importer held was hashed when this one first came to it
		String sha256 = heldElsewhere.get(file);
		if (sha256 == null) {
			Optional<String> settled;
			try {
				settled = settledHash(file);
			} catch (IOException e) {
				quarantineUnclaimed(file, "", file + ": cannot be read: " + e.getMessage(), report);
				return Outcome.DONE;
			}
			if (settled.isEmpty()) {
				quarantineUnclaimed(file, "", file + ": is still being written (it changed during the last "
						+ timing.maxSettle().toSeconds() + " s); import it again once it is complete", report);
				return Outcome.DONE;
			}
			sha256 = settled.get();
		}
		Optional<StoredDocument> known = store.findDocument(sha256);
		if (known.isPresent() && known.get().complete()) {
			if (heldElsewhere.containsKey(file)) {
				report.storedElsewhere();
				fileLog.accept("stored by another importer: " + file);
			} else {
				report.alreadyStored();
				fileLog.accept("already stored: " + file);
			}
			return Outcome.DONE;
		}
		if (!claimedHere.add(sha256)) {
			report.duplicate();
			fileLog.accept("same content as another file of this import: " + file);
			return Outcome.DONE;
		}
		try {
			Optional<DocumentClaim> claim = store.claim(sha256, claimant, timing.lease());
			if (claim.isEmpty()) {
				return heldElsewhere(file, sha256, "being read by another importer: ");
			}
			return importClaimed(file, claim.get(), report);
		} catch (ClaimLostException e) {
			return heldElsewhere(file, sha256, "taken over by another importer: ");
		}
	}

	/** Another importer holds the file's content: it is looked at again at the end. */
	private Outcome heldElsewhere(Path file, String sha256, String what) {
		claimedHere.remove(sha256);
		heldElsewhere.put(file, sha256);
		fileLog.accept(what + file);
		return Outcome.HELD_ELSEWHERE;
	}

	/** Reads and stores a file whose content this importer holds; releases the claim in every case. */
	private Outcome importClaimed(Path file, DocumentClaim claim, ImportReport report)
			throws StoreException, RecognitionException {
		String sha256 = claim.contentSha256();
		// What another importer did before this one got the claim counts as done.
		Optional<StoredDocument> known = store.findDocument(sha256);
		if (known.isPresent() && known.get().complete()) {
			store.release(claim);
			report.storedElsewhere();
			fileLog.accept("stored by another importer: " + file);
			return Outcome.DONE;
		}
		Optional<QuarantineEntry> quarantined = store.quarantineEntry(sha256);
		if (quarantined.isPresent() && !quarantined.get().at().isBefore(start)) {
			store.release(claim);
			report.failed(file.toString(), quarantined.get().reason() + " (quarantined by another importer)");
			fileLog.accept("quarantined by another importer: " + file);
			return Outcome.DONE;
		}
		String name = file.getFileName().toString();
		StoredDocument document = known.orElse(null);
		try (PdfDocument pdf = renderer.open(file)) {
			// A document begun by an earlier, interrupted import goes on where it stopped.
			if (document == null) {
				document = store.openDocument(new DocumentSource(name, sha256, pdf.pageCount()));
			}
			Set<Integer> stored = store.storedPages(document.id());
			// Every page is read, the stored ones too: the rules between pages (a return's W-2s and its 1040)
			// route each page of a group with what the others say.
			PageGrouping groups = routing.grouping();
			// the rasters of pages read and not stored yet, for the images kept with them
			Map<Integer, GrayImage> rasters = new HashMap<>();
			int storedNow = 0;
			for (int p = 0; p < pdf.pageCount(); p++) {
				if (stopping.get()) {
					// stopped: the pages stored stay, the next import of the file finishes it
					store.release(claim);
					fileLog.accept("stopped: " + file + " (" + storedNow + " pages stored now)");
					return Outcome.DONE;
				}
				RenderedPage scan = pdf.scan(p, PageReader.RENDER_DPI);
				if (keeping.scans() && !stored.contains(p)) {
					rasters.put(p, scan.image());
				}
				for (List<ReadPage> group : groups.add(reader.read(p, scan))) {
					storedNow += store(document, stored, group, name, claim, report, rasters);
				}
			}
			for (List<ReadPage> group : groups.finish()) {
				storedNow += store(document, stored, group, name, claim, report, rasters);
			}
			store.completeDocument(document.id(), claim);
			report.fileDone();
			fileLog.accept("stored: " + file + " (" + storedNow + " of " + pdf.pageCount() + " pages stored now)");
			return Outcome.DONE;
		} catch (DocumentException e) {
			fail(file, sha256, e.getMessage(), report, document, claim);
		} catch (StackOverflowError e) {
			fail(file, sha256, file + ": cannot be read: its pages nest too deeply (reading them overflowed the stack)",
					report, document, claim);
		} catch (OutOfMemoryError e) {
			fail(file, sha256, file + ": cannot be read: reading its pages exhausted the importer's memory", report, document,
					claim);
		} catch (RuntimeException e) {
			// A defect met on one odd file must not stop the archive; the reason says where.
			fail(file, sha256, file + ": cannot be read: " + e, report, document, claim);
		}
		return Outcome.DONE;
	}

	/**
	 * Routes a group of pages together and stores those not stored yet, with their images when their rasters
	 * are kept; returns how many it stored.
	 */
	private int store(StoredDocument document, Set<Integer> stored, List<ReadPage> group, String name,
			DocumentClaim claim, ImportReport report, Map<Integer, GrayImage> rasters) throws StoreException {
		int storedNow = 0;
		String model = reader.modelId();
		for (PageResult routed : routing.route(group, policy)) {
			GrayImage raster = rasters.remove(routed.pageIndex());
			PageResult read = routed.readBy(model);
			PageResult page = raster == null ? read : read.withScan(ScanImages.of(raster, read));
			if (!stored.contains(page.pageIndex())) {
				store.storePage(document.id(), page, claim);
				report.stored(name, page);
				storedNow++;
			}
		}
		return storedNow;
	}

	/** Quarantines a file after removing what was stored of it; the claim goes with the quarantine. */
	private void fail(Path file, String sha256, String reason, ImportReport report, StoredDocument document,
			DocumentClaim claim) throws StoreException {
		if (document != null) {
			try {
				store.discardDocument(document.id(), claim);
			} catch (ClaimLostException e) {
				throw e;
			} catch (StoreException e) {
				// a clerk already corrected one of its fields: that work stays, and the quarantine says why
				reason += " (its stored pages are kept: " + e.getMessage() + ")";
			}
		}
		QuarantineEntry entry = new QuarantineEntry(file.toString(), sha256, reason, Instant.now());
		store.quarantine(entry, claim);
		report.failed(file.toString(), reason);
		fileLog.accept("quarantined: " + file + ": " + reason);
	}

	/** Quarantines a file that could not even be hashed to be claimed. */
	private void quarantineUnclaimed(Path file, String sha256, String reason, ImportReport report)
			throws StoreException {
		store.quarantine(new QuarantineEntry(file.toString(), sha256, reason, Instant.now()));
		report.failed(file.toString(), reason);
		fileLog.accept("quarantined: " + file + ": " + reason);
	}

	/**
	 * The content hash of a file that is not being written any more: one that
	 * changed in the last {@link #SETTLE} is waited for, up to the settle
	 * time, and must keep its size and time while it is hashed. Empty when it
	 * is still changing.
	 */
	private Optional<String> settledHash(Path file) throws IOException {
		long deadline = System.nanoTime() + timing.maxSettle().toNanos();
		while (true) {
			FileState before = FileState.of(file);
			if (before.restedFor().compareTo(SETTLE) >= 0) {
				String sha256 = sha256(file);
				if (FileState.of(file).equals(before)) {
					return Optional.of(sha256);
				}
			}
			if (System.nanoTime() > deadline) {
				return Optional.empty();
			}
			try {
				TimeUnit.MILLISECONDS.sleep(250);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting for it to be complete", e);
			}
		}
	}

	/** Size and modification time: what changes while a file is being written. */
	private record FileState(long size, Instant modified) {

		static FileState of(Path file) throws IOException {
			return new FileState(Files.size(file), Files.getLastModifiedTime(file).toInstant());
		}

		Duration restedFor() {
			Duration rested = Duration.between(modified, Instant.now());
			// a time in the future is another machine's clock (a network share): the hash check still guards
			return rested.isNegative() ? SETTLE : rested;
		}
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

	/** Who this import is in the store's claims: host, process and a random part, unique per run. */
	private static String claimant() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		} catch (IOException e) {
			host = "unknown-host";
		}
		return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Named daemon threads: a stuck worker never keeps the framework from stopping. */
	private static final class WorkerThreads implements ThreadFactory {
		private final String prefix;
		private final AtomicInteger count = new AtomicInteger();

		WorkerThreads(String prefix) {
			this.prefix = prefix;
		}

		@Override
		public Thread newThread(Runnable work) {
			Thread thread = new Thread(work, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}
	}
}
