package com.digitdesk.intake;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.intake.ArchiveImport;
import com.digitdesk.api.intake.ImportStatus;
import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.routing.FieldRouting;
import com.digitdesk.api.store.DocumentIngest;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;

/**
 * The import job as a service, for the verification window's File &gt; Open
 * and drops: the same job as the import command, with the same settings
 * (configuration {@value ImportConfiguration#PID}, described there).
 */
@Component(configurationPid = ImportConfiguration.PID)
public final class ArchiveImporter implements ArchiveImport {

	/** How often the caller hears of the import's progress. */
	private static final long REPORT_MILLIS = 500;

	private final PageRenderer renderer;
	private final PageReader reader;
	private final FieldRouting routing;
	private final ResultStores stores;
	private volatile ImportConfiguration configuration;

	@Activate
	public ArchiveImporter(@Reference PageRenderer renderer, @Reference PageReader reader,
			@Reference FieldRouting routing, @Reference ResultStores stores, ImportConfiguration configuration) {
		this.renderer = renderer;
		this.reader = reader;
		this.routing = routing;
		this.stores = stores;
		this.configuration = configuration;
	}

	@Modified
	void modified(ImportConfiguration changed) {
		configuration = changed;
	}

	@Override
	public ImportRun start(List<Path> paths, String storeUrl, Consumer<ImportStatus> progress) throws StoreException {
		List<Path> files = ImportCommand.files(paths);
		DocumentIngest store = stores.store(storeUrl);
		ImportConfiguration settings = configuration;
		int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
		ImportJob job = new ImportJob(renderer, reader, routing, routing.policy(), store, threads,
				new ImportJob.Timing(Duration.ofSeconds(Math.max(1, settings.leaseSeconds())),
						Duration.ofSeconds(Math.max(0, settings.settleSeconds()))),
				new ImportJob.Keeping(settings.keepScans()), line -> {
				});
		Run run = new Run(files.size(), job);
		Thread thread = new Thread(() -> run.execute(job, files, progress), "digitdesk-archive-import");
		thread.setDaemon(true);
		thread.start();
		return run;
	}

	/** One import: its report, its thread, how it ended. */
	private static final class Run implements ImportRun {
		private final ImportReport report;
		private final long start = System.nanoTime();
		private final CountDownLatch ended = new CountDownLatch(1);
		private final ImportJob job;
		private volatile ImportStatus.State state = ImportStatus.State.RUNNING;
		private volatile String message = "";

		Run(int files, ImportJob job) {
			report = new ImportReport(files);
			this.job = job;
		}

		void execute(ImportJob job, List<Path> files, Consumer<ImportStatus> progress) {
			Thread reporter = new Thread(() -> {
				try {
					while (ended.getCount() > 0) {
						progress.accept(status());
						Thread.sleep(REPORT_MILLIS);
					}
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}, "digitdesk-archive-import-progress");
			reporter.setDaemon(true);
			reporter.start();
			try {
				job.run(files, report, new ImportProgress(new PrintStream(OutputStream.nullOutputStream()), false));
				if (job.stopped()) {
					state = ImportStatus.State.CANCELLED;
					message = "cancelled: what was stored stays; importing the same files again finishes the job";
				} else {
					state = ImportStatus.State.DONE;
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				state = ImportStatus.State.CANCELLED;
				message = "cancelled: what was stored stays; importing the same files again finishes the job";
			} catch (StoreException | RecognitionException | RuntimeException e) {
				state = ImportStatus.State.STOPPED;
				message = "stopped: " + e.getMessage();
			} finally {
				ended.countDown();
				reporter.interrupt();
				progress.accept(status());
			}
		}

		@Override
		public ImportStatus status() {
			double seconds = (System.nanoTime() - start) / 1e9;
			int files = report.files();
			int done = report.filesDone();
			double eta = done > 0 && done < files ? seconds / done * (files - done) : done == files ? 0 : -1;
			return new ImportStatus(files, done, report.pages(), report.fields(), report.needsReview(),
					report.failures().size(), seconds, eta, state, message);
		}

		@Override
		public void cancel() {
			job.stop();
		}

		@Override
		public ImportStatus await() throws InterruptedException {
			ended.await();
			return status();
		}
	}
}
