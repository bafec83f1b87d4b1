package com.digitdesk.verify.ui;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Component;

import com.digitdesk.api.store.StoredField;
import com.digitdesk.verify.ui.view.DeskState;
import com.digitdesk.verify.ui.view.VerifyView;
import com.digitdesk.verify.ui.view.ViewSite;

/** The waiting fields that come next, in the queue's order. */
@Component(property = { VerifyView.PLACE + "=bottom", VerifyView.ORDER + ":Integer=0" })
public final class QueueView implements VerifyView {

	@Override
	public String title() {
		return "Queue";
	}

	@Override
	public ViewPart open(Composite parent, ViewSite site) {
		Table table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.NO_FOCUS);
		table.setHeaderVisible(true);
		FontData base = table.getFont().getFontData()[0];
		Font font = new Font(table.getDisplay(), base.getName(), site.fontSize(), SWT.NORMAL);
		table.setFont(font);
		table.addListener(SWT.Dispose, e -> font.dispose());
		if (site.highContrast()) {
			table.setBackground(table.getDisplay().getSystemColor(SWT.COLOR_BLACK));
			table.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		}
		for (String title : new String[] { "File", "Page", "Field", "Value", "Sure", "Why" }) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(title);
			column.setWidth(title.equals("Why") ? 420 : 110);
		}
		return state -> show(table, state);
	}

	private static void show(Table table, DeskState state) {
		table.removeAll();
		for (StoredField field : state.upcoming()) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { field.sourceFile(), Integer.toString(field.page()), field.name(),
					field.value(), String.format(Locale.ROOT, "%.2f", field.confidence()),
					field.reasons().isEmpty() ? "" : field.reasons().get(0).detail() });
		}
	}
}
