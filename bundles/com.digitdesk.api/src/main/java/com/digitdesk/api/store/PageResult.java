package com.digitdesk.api.store;

import java.util.List;
import java.util.Objects;

/**
 * One page as the pipeline read it. Stored whole or not at all.
 *
 * @param pageIndex 0-based page index in its document
 * @param templateId the identified template
 * @param registrationResidual the registration residual in points
 * @param fields the page's fields
 */
public record PageResult(int pageIndex, String templateId, double registrationResidual, List<FieldResult> fields) {

	public PageResult {
		Objects.requireNonNull(templateId, "templateId");
		fields = List.copyOf(fields);
		if (pageIndex < 0) {
			throw new IllegalArgumentException("page index must not be negative");
		}
	}
}
