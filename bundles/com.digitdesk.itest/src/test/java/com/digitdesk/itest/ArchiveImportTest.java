package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.intake.ArchiveImport;
import com.digitdesk.api.intake.ImportStatus;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ResultStores;

/**
 * The import as the window starts it (File &gt; Open, a drop): progress
 * heard while it runs, a cancel that keeps what is stored, and the same
 * import again finishing the job.
 */
@ExtendWith(ServiceExtension.class)
class ArchiveImportTest {

	@InjectService(timeout = 20000)
	ArchiveImport importer;

	@InjectService(timeout = 20000)
	ResultStores stores;

	@Test
	void aCancelledImportKeepsWhatItStoredAndTheSameImportFinishesTheJob(@TempDir Path work) throws Exception {
		Path archive = work.resolve("archive");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", archive.toString(), "--pages", "8",
				"--seed", "44")).isZero();
		String url = "jdbc:h2:file:" + work.resolve("store/results");
		List<ImportStatus> heard = new ArrayList<>();
		ArchiveImport.ImportRun run = importer.start(List.of(archive), url, status -> {
			synchronized (heard) {
				heard.add(status);
			}
			if (status.filesDone() >= 1) {
				// cancelled from the progress callback, as the window's button does
				runCancel(status);
			}
		});
		cancelTarget = run;
		ImportStatus cancelled = run.await();
		assertThat(cancelled.state()).isIn(ImportStatus.State.CANCELLED, ImportStatus.State.DONE);
		assertThat(cancelled.files()).isEqualTo(ImportTest.pdfs(archive).size());
		synchronized (heard) {
			assertThat(heard).as("progress heard while it ran").isNotEmpty();
		}
		ResultStore store = stores.store(url);
		long completeBefore = store.summary().documents();
		List<String> storedFields = ImportTest.exportRows(url);

		ImportStatus finished = importer.start(List.of(archive), url, status -> {
		}).await();
		assertThat(finished.state()).as(finished.message()).isEqualTo(ImportStatus.State.DONE);
		assertThat(finished.filesDone()).isEqualTo(finished.files());
		assertThat(store.summary().documents()).isGreaterThanOrEqualTo(completeBefore);
		List<String> all = ImportTest.exportRows(url);
		assertThat(all).as("nothing stored before the cancel was lost or stored twice").containsAll(storedFields)
				.doesNotHaveDuplicates();
		assertThat(store.summary().pages()).isEqualTo(8);
	}

	private volatile ArchiveImport.ImportRun cancelTarget;

	private void runCancel(ImportStatus status) {
		ArchiveImport.ImportRun run = cancelTarget;
		if (run != null && !status.finished()) {
			run.cancel();
		}
	}
}
