package com.digitdesk.intake;

import java.util.List;
import java.util.Optional;

import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.template.FormTemplate;

/**
 * A page as read, before routing: its template, how well it registered and
 * its fields; or why it could not be read.
 */
record ReadPage(int pageIndex, Optional<FormTemplate> template, double residualPoints, List<ReadField> fields,
		Optional<String> problem) {

	ReadPage {
		fields = List.copyOf(fields);
	}

	static ReadPage unreadable(int pageIndex, Optional<FormTemplate> template, String problem) {
		return new ReadPage(pageIndex, template, 0, List.of(), Optional.of(problem));
	}

	/**
	 * The page ready to store, its fields routed by {@code router} with what
	 * the other pages of its document say of them.
	 */
	PageResult result(FieldRouter router, DocumentChecks.Findings document) {
		String templateId = template.map(FormTemplate::id).orElse("");
		if (problem.isPresent()) {
			return PageResult.unreadable(pageIndex, templateId, problem.get());
		}
		return new PageResult(pageIndex, templateId, residualPoints,
				router.route(template.orElseThrow(), residualPoints, fields, document));
	}
}
