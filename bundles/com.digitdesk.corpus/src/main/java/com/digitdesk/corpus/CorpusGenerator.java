package com.digitdesk.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.corpus.ScanPdfWriter.ScannedPage;

/**
 * Generates a corpus of scanned forms: blank forms printed in their
 * {@link FormStyle} (the first designs drawn from their templates, the
 * official pages of the real layouts, the corpus's own designs), filled in
 * with MNIST digits, scanned with the
 * imperfections of {@link ScanSimulator}, stored as image-only PDFs with
 * their ground truth. Deterministic for a seed, whatever the thread count.
 */
final class CorpusGenerator {

	/** The returns: a 1040-style page and its W-2-style attachment, the first designs' and the real layouts'. */
	static final List<List<String>> RETURNS = List.of(List.of("f1040-p1", "w2"),
			List.of(OfficialFormStyle.F1040_2024, OfficialFormStyle.W2_2024));
	/** Share of documents that are a return: a 1040-style page and one or two W-2-style pages. */
	static final double RETURN_SHARE = 0.35;

	private final List<FormTemplate> templates;
	private final DigitPicker picker;
	private final int threads;

	CorpusGenerator(List<FormTemplate> templates, DigitPicker picker, int threads) {
		if (templates.isEmpty()) {
			throw new IllegalArgumentException("no templates to draw");
		}
		this.templates = List.copyOf(templates);
		this.picker = picker;
		this.threads = Math.max(1, threads);
	}

	/** One planned document: its templates, page by page, and its own seed. */
	record Plan(String name, List<FormTemplate> pages, long seed) {
	}

	List<Plan> plan(int pageCount, long seed) {
		Random random = new Random(seed);
		List<List<FormTemplate>> returns = new ArrayList<>();
		for (List<String> pair : RETURNS) {
			Optional<FormTemplate> main = find(pair.get(0));
			Optional<FormTemplate> attachment = find(pair.get(1));
			if (main.isPresent() && attachment.isPresent()) {
				returns.add(List.of(main.get(), attachment.get()));
			}
		}
		List<Plan> plans = new ArrayList<>();
		int planned = 0;
		while (planned < pageCount) {
			List<FormTemplate> pages = new ArrayList<>();
			if (!returns.isEmpty() && random.nextDouble() < RETURN_SHARE) {
				// one kind of return draws nothing to choose it, as when only the first designs were known
				List<FormTemplate> kind = returns.get(returns.size() == 1 ? 0 : random.nextInt(returns.size()));
				pages.add(kind.get(0));
				int w2s = 1 + random.nextInt(2);
				for (int i = 0; i < w2s; i++) {
					pages.add(kind.get(1));
				}
			} else {
				pages.add(templates.get(random.nextInt(templates.size())));
			}
			pages = pages.subList(0, Math.min(pages.size(), pageCount - planned));
			planned += pages.size();
			plans.add(new Plan(String.format("form-%05d", plans.size() + 1), List.copyOf(pages), random.nextLong()));
		}
		return plans;
	}

	/** Writes every planned document into {@code directory}; returns the PDF files. */
	List<Path> generate(Path directory, int pageCount, long seed, PrintStream progress)
			throws IOException, InterruptedException {
		PrivateFiles.createDirectories(directory);
		List<Plan> plans = plan(pageCount, seed);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Path>> results = new ArrayList<>();
			for (Plan plan : plans) {
				results.add(pool.submit(() -> write(directory, plan)));
			}
			List<Path> files = new ArrayList<>();
			int pages = 0;
			for (int i = 0; i < results.size(); i++) {
				files.add(results.get(i).get());
				pages += plans.get(i).pages().size();
				if (progress != null && (i + 1) % 25 == 0) {
					progress.printf("corpus: %d of %d pages written%n", pages, pageCount);
				}
			}
			return files;
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			throw new IllegalStateException("generating the corpus failed: " + cause, cause);
		} finally {
			pool.shutdownNow();
		}
	}

	private Path write(Path directory, Plan plan) throws IOException {
		Random random = new Random(plan.seed());
		int dpi = random.nextBoolean() ? 200 : 300;
		double which = random.nextDouble();
		Compression compression = which < 0.5 ? Compression.G4 : which < 0.75 ? Compression.JPEG : Compression.FLATE;
		List<ScannedPage> scans = new ArrayList<>();
		List<GroundTruth.Page> truth = new ArrayList<>();
		List<Map<String, String>> documentValues = new ArrayList<>();
		for (int page = 0; page < plan.pages().size(); page++) {
			FormTemplate template = plan.pages().get(page);
			FormStyle style = FormStyle.of(template);
			Map<String, String> values = style.values(template, random);
			ValueGenerator.fitToDocument(plan.pages(), documentValues, page, values);
			documentValues.add(values);
			ScanSettings settings = ScanSettings.random(dpi, compression, random);
			Handwriting hand = new Handwriting(picker, random);
			BufferedImage image = ScanSimulator.scan(template.widthPoints(), template.heightPoints(), settings, random,
					g -> {
						style.paint(g, template);
						style.fill(g, template, values, hand, random);
					});
			scans.add(new ScannedPage(image, settings, template.widthPoints(), template.heightPoints()));
			truth.add(new GroundTruth.Page(template.id(), values, describe(settings)));
		}
		Path pdf = directory.resolve(plan.name() + ".pdf");
		ScanPdfWriter.write(pdf, scans, plan.seed());
		new GroundTruth(truth).write(GroundTruth.fileFor(pdf));
		return pdf;
	}

	private static Map<String, Object> describe(ScanSettings settings) {
		Map<String, Object> scan = new LinkedHashMap<>();
		scan.put("dpi", settings.dpi());
		scan.put("compression", settings.compression().key());
		scan.put("bilevel", settings.binary());
		scan.put("rotation_degrees", Math.round(settings.rotationDegrees() * 1000) / 1000.0);
		scan.put("shift_points", List.of(Math.round(settings.shiftXPoints() * 100) / 100.0,
				Math.round(settings.shiftYPoints() * 100) / 100.0));
		scan.put("scale", Math.round(settings.scale() * 10000) / 10000.0);
		return scan;
	}

	private Optional<FormTemplate> find(String id) {
		return templates.stream().filter(t -> t.id().equals(id)).findFirst();
	}
}
