package com.digitdesk.draft;

import java.util.List;

/**
 * A proposed template: what {@link TemplateDrafter} found on one page, ready
 * to be written as a template file.
 *
 * @param fields the boxes in reading order
 * @param labels the printed label of each field, "" where none was read
 */
record TemplateDraft(String id, String title, double width, double height, List<DraftAnchor> anchors,
		List<DraftField> fields, List<String> labels) {

	TemplateDraft {
		anchors = List.copyOf(anchors);
		fields = List.copyOf(fields);
		labels = List.copyOf(labels);
	}
}
