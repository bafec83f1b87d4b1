package com.digitdesk.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.digitdesk.api.reading.PageReader;
import com.digitdesk.api.render.PageRenderer;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;

/**
 * Reads a corpus with ground truth (every {@code NAME.pdf} with its
 * {@code NAME.json}, as {@code digitdesk corpus} writes them) page by page,
 * on several threads, for commands that score or learn from what the reader
 * makes of known pages.
 */
final class CorpusReader {

	/** A page as a step of the reader made it, with what it should have said. */
	record StudiedPage<P>(Path file, int pageIndex, P page, GroundTruth.Page truth) {
	}

	/** What a corpus gave: its pages in file and page order, and the files that could not be read. */
	record Result<P>(List<StudiedPage<P>> pages, List<String> problems) {
	}

	/** How far a page is read: e.g. {@link PageReader#read} (recognized) or {@link PageReader#cut} (glyphs only). */
	@FunctionalInterface
	interface Step<P> {
		P apply(PageReader reader, int pageIndex, RenderedPage page) throws Exception;
	}

	private final PageRenderer renderer;
	private final PageReader reader;

	CorpusReader(PageRenderer renderer, PageReader reader) {
		this.renderer = renderer;
		this.reader = reader;
	}

	<P> Result<P> read(Path directory, int threads, Step<P> step) throws Exception {
		List<StudiedPage<P>> pages = Collections.synchronizedList(new ArrayList<>());
		List<String> problems = Collections.synchronizedList(new ArrayList<>());
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Path pdf : GroundTruth.pdfsWithTruth(directory)) {
				done.add(workers.submit(() -> {
					read(pdf, step, pages, problems);
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		} finally {
			workers.shutdownNow();
		}
		List<StudiedPage<P>> ordered = new ArrayList<>(pages);
		ordered.sort(Comparator.comparing((StudiedPage<P> p) -> p.file().toString())
				.thenComparingInt(StudiedPage::pageIndex));
		List<String> sortedProblems = new ArrayList<>(problems);
		Collections.sort(sortedProblems);
		return new Result<>(ordered, sortedProblems);
	}

	private <P> void read(Path pdf, Step<P> step, List<StudiedPage<P>> pages, List<String> problems) {
		try {
			GroundTruth truth = GroundTruth.read(GroundTruth.fileFor(pdf));
			try (PdfDocument document = renderer.open(pdf)) {
				for (int p = 0; p < Math.min(document.pageCount(), truth.pages().size()); p++) {
					pages.add(new StudiedPage<>(pdf, p, step.apply(reader, p, document.scan(p, PageReader.RENDER_DPI)),
							truth.pages().get(p)));
				}
			}
		} catch (Exception e) {
			problems.add(pdf.getFileName() + ": " + e.getMessage());
		}
	}
}
