package com.digitdesk.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;

/**
 * Reads a corpus with ground truth (every {@code NAME.pdf} with its
 * {@code NAME.json}, as {@code digitdesk corpus} writes them) page by page,
 * on several threads, for commands that score or learn from what the reader
 * makes of known pages.
 */
final class CorpusReader {

	/** A page as read, with what it should have said. */
	record StudiedPage(Path file, ReadPage page, TruthFile.Page truth) {
	}

	/** What a corpus gave: its pages in file and page order, and the files that could not be read. */
	record Result(List<StudiedPage> pages, List<String> problems) {
	}

	private final PageRenderer renderer;
	private final PageReader reader;

	CorpusReader(PageRenderer renderer, PageReader reader) {
		this.renderer = renderer;
		this.reader = reader;
	}

	Result read(Path directory, int threads) throws Exception {
		List<StudiedPage> pages = Collections.synchronizedList(new ArrayList<>());
		List<String> problems = Collections.synchronizedList(new ArrayList<>());
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Path pdf : ImportCommand.files(List.of(directory))) {
				done.add(workers.submit(() -> {
					read(pdf, pages, problems);
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		} finally {
			workers.shutdownNow();
		}
		List<StudiedPage> ordered = new ArrayList<>(pages);
		ordered.sort(Comparator.comparing((StudiedPage p) -> p.file().toString())
				.thenComparingInt(p -> p.page().pageIndex()));
		List<String> sortedProblems = new ArrayList<>(problems);
		Collections.sort(sortedProblems);
		return new Result(ordered, sortedProblems);
	}

	private void read(Path pdf, List<StudiedPage> pages, List<String> problems) {
		try {
			Optional<TruthFile> truth = TruthFile.of(pdf);
			if (truth.isEmpty()) {
				return;
			}
			try (PdfDocument document = renderer.open(pdf)) {
				for (int p = 0; p < Math.min(document.pageCount(), truth.get().pages().size()); p++) {
					pages.add(new StudiedPage(pdf, reader.read(p, document.scan(p, PageReader.RENDER_DPI)),
							truth.get().pages().get(p)));
				}
			}
		} catch (Exception e) {
			problems.add(pdf.getFileName() + ": " + e.getMessage());
		}
	}
}
