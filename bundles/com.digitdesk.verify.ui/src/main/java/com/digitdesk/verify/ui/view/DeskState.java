package com.digitdesk.verify.ui.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.verify.FieldOnScreen;
import com.digitdesk.api.verify.SessionFigures;

/**
 * What the window shows at one moment.
 *
 * @param field the current field, empty when nothing waits
 * @param pageFields every field of the current field's page
 * @param upcoming the next waiting fields in queue order
 * @param figures the status bar's counts
 */
public record DeskState(Optional<FieldOnScreen> field, List<StoredField> pageFields, List<StoredField> upcoming,
		SessionFigures figures) {

	public DeskState {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(figures, "figures");
		pageFields = List.copyOf(pageFields);
		upcoming = List.copyOf(upcoming);
	}
}
