package com.digitdesk.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.PageResult;

/** What one import run did, counted as workers finish; thread-safe. */
final class ImportReport {

	record Failure(String file, String reason) {
	}

	private final int files;
	private int filesDone;
	private int alreadyStored;
	private int duplicates;
	private int storedElsewhere;
	private int pages;
	private int fields;
	private int autoAccepted;
	private int needsReview;
	private final List<String> unreadablePages = new ArrayList<>();
	private final List<Failure> failures = new ArrayList<>();

	ImportReport(int files) {
		this.files = files;
	}

	synchronized void stored(String file, PageResult page) {
		pages++;
		page.problem().ifPresent(problem -> unreadablePages.add(file + " " + problem));
		for (FieldResult field : page.fields()) {
			fields++;
			if (field.status() == FieldStatus.AUTO_ACCEPTED) {
				autoAccepted++;
			} else {
				needsReview++;
			}
		}
	}

	synchronized void fileDone() {
		filesDone++;
	}

	synchronized void alreadyStored() {
		alreadyStored++;
		filesDone++;
	}

	synchronized void duplicate() {
		duplicates++;
		filesDone++;
	}

	/** Another importer of the same store stored the file while this one ran. */
	synchronized void storedElsewhere() {
		storedElsewhere++;
		filesDone++;
	}

	synchronized void failed(String file, String reason) {
		failures.add(new Failure(file, reason));
		filesDone++;
	}

	synchronized int files() {
		return files;
	}

	synchronized int filesDone() {
		return filesDone;
	}

	synchronized int fields() {
		return fields;
	}

	synchronized int needsReview() {
		return needsReview;
	}

	synchronized int pages() {
		return pages;
	}

	synchronized List<Failure> failures() {
		return List.copyOf(failures);
	}

	/** The summary, keys as operators' scripts read them. */
	synchronized Map<String, Object> summary(double seconds, int threads, String store, double peakRssMb) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("files", files);
		summary.put("pages", pages);
		summary.put("fields", fields);
		summary.put("auto_accepted", autoAccepted);
		summary.put("needs_review", needsReview);
		summary.put("failed", failures.size());
		summary.put("pages_per_second", seconds > 0 ? round(pages / seconds) : 0.0);
		summary.put("auto_accepted_rate", fields > 0 ? round((double) autoAccepted / fields) : 0.0);
		summary.put("already_stored_files", alreadyStored);
		summary.put("duplicate_files", duplicates);
		summary.put("stored_by_other_importers", storedElsewhere);
		summary.put("unreadable_pages", unreadablePages.size());
		summary.put("seconds", round(seconds));
		summary.put("threads", threads);
		summary.put("peak_rss_mb", round(peakRssMb));
		summary.put("store", store);
		summary.put("failures", failures.stream().map(f -> Map.of("file", f.file(), "reason", f.reason())).toList());
		summary.put("unreadable", List.copyOf(unreadablePages));
		return summary;
	}

	/** The summary for people. */
	synchronized String text(double seconds, String store) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("import: %d files (%d already stored, %d duplicates, %d stored by other importers), "
				+ "%d pages in %.1f s (%.1f pages/s)%n", files, alreadyStored, duplicates, storedElsewhere, pages, seconds,
				seconds > 0 ? pages / seconds : 0.0));
		text.append(String.format("  fields:        %d%n", fields));
		text.append(String.format("  auto-accepted: %d (%.1f%%)%n", autoAccepted, fields > 0 ? 100.0 * autoAccepted / fields : 0.0));
		text.append(String.format("  needs review:  %d%n", needsReview));
		text.append(String.format("  failed files:  %d%n", failures.size()));
		failures.forEach(f -> text.append("    ").append(f.file()).append(": ").append(f.reason()).append('\n'));
		if (!unreadablePages.isEmpty()) {
			text.append(String.format("  unreadable pages: %d%n", unreadablePages.size()));
			unreadablePages.forEach(p -> text.append("    ").append(p).append('\n'));
		}
		text.append("  store: ").append(store).append('\n');
		return text.toString();
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}
}
