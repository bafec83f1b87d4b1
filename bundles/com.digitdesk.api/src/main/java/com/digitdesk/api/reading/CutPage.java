package com.digitdesk.api.reading;

import java.util.List;
import java.util.Optional;

import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FormTemplate;

/**
 * A page cut into glyphs, before recognition: its template, how well it
 * registered and its segmented fields (in template order); or why it could
 * not be read.
 *
 * @param pageIndex 0-based within its document
 * @param template the identified template, if any
 * @param residualPoints registration residual, in points
 * @param fields one per template field, in template order; empty when unreadable
 * @param problem why the page could not be read, naming the page
 */
public record CutPage(int pageIndex, Optional<FormTemplate> template, double residualPoints,
		List<SegmentedField> fields, Optional<String> problem) {

	public CutPage {
		fields = List.copyOf(fields);
	}

	public static CutPage unreadable(int pageIndex, Optional<FormTemplate> template, String problem) {
		return new CutPage(pageIndex, template, 0, List.of(), Optional.of(problem));
	}
}
