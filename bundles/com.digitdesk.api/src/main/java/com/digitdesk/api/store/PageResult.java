package com.digitdesk.api.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page as the pipeline read it. Stored whole or not at all.
 *
 * @param pageIndex 0-based page index in its document
 * @param templateId the identified template
 * @param registrationResidual the registration residual in points
 * @param fields the page's fields
 * @param problem why the page could not be read (unknown form, no
 *        registration); such a page is stored without fields so that the
 *        document is complete and the operator sees the reason
 * @param scan the page as scanned and its fields' snippets, kept so that a
 *        clerk on any workstation sharing the store sees them; empty when
 *        the importer keeps no images
 * @param modelVersion the recognizer's model that read the page; empty when not known
 */
public record PageResult(int pageIndex, String templateId, double registrationResidual, List<FieldResult> fields,
		Optional<String> problem, Optional<PageScan> scan, Optional<String> modelVersion) {

	public PageResult {
		Objects.requireNonNull(templateId, "templateId");
		Objects.requireNonNull(problem, "problem");
		Objects.requireNonNull(scan, "scan");
		Objects.requireNonNull(modelVersion, "modelVersion");
		fields = List.copyOf(fields);
		if (pageIndex < 0) {
			throw new IllegalArgumentException("page index must not be negative");
		}
		if (problem.isPresent() && !fields.isEmpty()) {
			throw new IllegalArgumentException("an unreadable page has no fields");
		}
	}

	/** A page with its scan, read by a model not named. */
	public PageResult(int pageIndex, String templateId, double registrationResidual, List<FieldResult> fields,
			Optional<String> problem, Optional<PageScan> scan) {
		this(pageIndex, templateId, registrationResidual, fields, problem, scan, Optional.empty());
	}

	/** A page without its scan. */
	public PageResult(int pageIndex, String templateId, double registrationResidual, List<FieldResult> fields,
			Optional<String> problem) {
		this(pageIndex, templateId, registrationResidual, fields, problem, Optional.empty());
	}

	/** A page that was read. */
	public PageResult(int pageIndex, String templateId, double registrationResidual, List<FieldResult> fields) {
		this(pageIndex, templateId, registrationResidual, fields, Optional.empty());
	}

	/** A page that could not be read, with the reason. */
	public static PageResult unreadable(int pageIndex, String templateId, String problem) {
		return new PageResult(pageIndex, templateId, 0, List.of(), Optional.of(problem));
	}

	public boolean isReadable() {
		return problem.isEmpty();
	}

	/** This page with its scan. */
	public PageResult withScan(PageScan pageScan) {
		return new PageResult(pageIndex, templateId, registrationResidual, fields, problem, Optional.of(pageScan),
				modelVersion);
	}

	/** This page, read by the model {@code version} (a model's identity, as the recognizer names it). */
	public PageResult readBy(String version) {
		return new PageResult(pageIndex, templateId, registrationResidual, fields, problem, scan,
				version.isBlank() ? Optional.empty() : Optional.of(version));
	}
}
