package com.digitdesk.api.reading;

import java.util.List;
import java.util.Optional;

import com.digitdesk.api.template.FormTemplate;

/**
 * A page as read, before routing: its template, how well it registered and
 * its fields; or why it could not be read.
 *
 * @param pageIndex 0-based within its document
 * @param template the identified template, if any
 * @param residualPoints registration residual, in points
 * @param fields one per template field, in template order; empty when unreadable
 * @param problem why the page could not be read, naming the page
 */
public record ReadPage(int pageIndex, Optional<FormTemplate> template, double residualPoints, List<ReadField> fields,
		Optional<String> problem) {

	public ReadPage {
		fields = List.copyOf(fields);
	}

	public static ReadPage unreadable(int pageIndex, Optional<FormTemplate> template, String problem) {
		return new ReadPage(pageIndex, template, 0, List.of(), Optional.of(problem));
	}
}
