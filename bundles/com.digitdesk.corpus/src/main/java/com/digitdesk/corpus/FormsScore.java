package com.digitdesk.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tallies of an eval-forms run: how many pages and fields came out right at each stage. */
final class FormsScore {

	/** Error examples kept for the report. */
	private static final int EXAMPLES = 20;

	int pages;
	int failedPages;
	int identified;
	int registered;
	int fields;
	int countRight;
	int fieldsRight;
	long digits;
	long digitsRight;
	long countedDigits;
	long renderNanos;
	long glyphsNanos;
	long totalNanos;
	long pdftoppmNanos;
	int pdftoppmPages;
	double residualSum;
	final List<String> problems = new ArrayList<>();
	final List<String> wrongFields = new ArrayList<>();
	final List<String> countErrors = new ArrayList<>();

	void field(String where, String truth, String read) {
		fields++;
		String truthDigits = FieldReading.digits(truth);
		digits += truthDigits.length();
		if (shape(truth).equals(shape(read))) {
			countRight++;
			countedDigits += truthDigits.length();
			String readDigits = FieldReading.digits(read);
			for (int i = 0; i < truthDigits.length(); i++) {
				if (truthDigits.charAt(i) == readDigits.charAt(i)) {
					digitsRight++;
				}
			}
		}
		String example = where + ": expected \"" + truth + "\", read \"" + read + "\"";
		if (truth.equals(read)) {
			fieldsRight++;
		} else if (!shape(truth).equals(shape(read))) {
			if (countErrors.size() < EXAMPLES) {
				countErrors.add(example);
			}
		} else if (wrongFields.size() < EXAMPLES) {
			wrongFields.add(example);
		}
	}

	/** Missing fields of a page that was not read: all wrong. */
	void unread(Map<String, String> truth) {
		for (String value : truth.values()) {
			fields++;
			digits += FieldReading.digits(value).length();
		}
	}

	void problem(String problem) {
		if (problems.size() < EXAMPLES) {
			problems.add(problem);
		}
	}

	/** Digits as 'd', keeping the dot: equal shapes mean the right number of digits in the right places. */
	private static String shape(String value) {
		return value.replaceAll("[0-9?]", "d");
	}

	Map<String, Object> report(double peakRss) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("pages", pages);
		report.put("identified_rate", rate(identified, pages));
		report.put("registered_rate", rate(registered, pages));
		report.put("segmentation_count_accuracy", rate(countRight, fields));
		report.put("digit_accuracy", digits == 0 ? 0.0 : (double) digitsRight / digits);
		report.put("field_accuracy", rate(fieldsRight, fields));
		report.put("pages_per_second", totalNanos == 0 ? 0.0 : pages / (totalNanos / 1e9));
		report.put("render_ms_per_page", perPage(renderNanos, pages));
		report.put("pdftoppm_ms_per_page", pdftoppmPages == 0 ? null : perPage(pdftoppmNanos, pdftoppmPages));
		report.put("peak_rss_mb", peakRss);
		double toGlyphs = perPage(renderNanos + glyphsNanos, pages);
		report.put("render_to_glyphs_ms_per_page", toGlyphs);
		report.put("render_to_glyphs_vs_pdftoppm", pdftoppmPages == 0 ? null : toGlyphs / perPage(pdftoppmNanos, pdftoppmPages));
		report.put("fields", fields);
		report.put("digits", digits);
		report.put("failed_pages", failedPages);
		report.put("mean_residual_points", registered == 0 ? null : residualSum / registered);
		report.put("problems", List.copyOf(problems));
		report.put("digit_error_in_counted_fields", countedDigits == 0 ? 0.0 : 1 - (double) digitsRight / countedDigits);
		report.put("count_errors", List.copyOf(countErrors));
		report.put("misread_fields", List.copyOf(wrongFields));
		return report;
	}

	private static double rate(int count, int total) {
		return total == 0 ? 0.0 : (double) count / total;
	}

	private static double perPage(long nanos, int pages) {
		return pages == 0 ? 0.0 : nanos / 1e6 / pages;
	}
}
