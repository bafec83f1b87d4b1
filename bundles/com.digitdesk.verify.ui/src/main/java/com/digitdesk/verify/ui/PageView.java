package com.digitdesk.verify.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.osgi.service.component.annotations.Component;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.store.PageScan;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.verify.ui.view.DeskState;
import com.digitdesk.verify.ui.view.VerifyView;
import com.digitdesk.verify.ui.view.ViewSite;

/**
 * The page as scanned, every field's box in its status colour, the current
 * field outlined thick and scrolled into sight. Ctrl+= and Ctrl+- (or the
 * mouse wheel with Ctrl) zoom.
 */
@Component(property = { VerifyView.PLACE + "=left", VerifyView.ORDER + ":Integer=0" })
public final class PageView implements VerifyView {

	@Override
	public String title() {
		return "Page";
	}

	@Override
	public ViewPart open(Composite parent, ViewSite site) {
		return new Part(parent);
	}

	/** Zoom steps, as shares of the view's width. */
	private static final double[] ZOOMS = { 1, 1.5, 2, 3, 4 };

	private static final class Part implements ViewPart {
		private final ScrolledComposite scroller;
		private final Canvas canvas;
		private byte[] pagePng;
		private Image page;
		private PageScan scan;
		private List<StoredField> fields = List.of();
		private long current = -1;
		private int zoom;

		Part(Composite parent) {
			scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
			canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
			scroller.setContent(canvas);
			canvas.addPaintListener(e -> paint(e.gc));
			scroller.addListener(SWT.Resize, e -> layout());
			canvas.addListener(SWT.MouseVerticalWheel, e -> {
				if ((e.stateMask & SWT.CTRL) != 0) {
					zoom(e.count > 0 ? +1 : -1);
					e.doit = false;
				}
			});
			canvas.getDisplay().addFilter(SWT.KeyDown, zoomKeys);
		}

		private final Listener zoomKeys = this::zoomKey;

		/** Ctrl+= and Ctrl+- zoom wherever the focus is in this view's window. */
		private void zoomKey(Event e) {
			if (canvas.isDisposed() || !(e.widget instanceof Control control) || control.getShell() != canvas.getShell()) {
				return;
			}
			if ((e.stateMask & SWT.CTRL) != 0 && (e.character == '=' || e.character == '+')) {
				zoom(+1);
				e.doit = false;
			} else if ((e.stateMask & SWT.CTRL) != 0 && e.character == '-') {
				zoom(-1);
				e.doit = false;
			}
		}

		private void zoom(int step) {
			zoom = Math.max(0, Math.min(ZOOMS.length - 1, zoom + step));
			layout();
		}

		@Override
		public void show(DeskState state) {
			Optional<PageScan> shown = state.page();
			byte[] png = shown.map(PageScan::png).orElse(null);
			if (!Arrays.equals(png, pagePng)) {
				if (page != null) {
					page.dispose();
				}
				pagePng = png;
				page = png == null ? null : Images.png(canvas.getDisplay(), png);
			}
			scan = shown.orElse(null);
			fields = state.pageFields();
			current = state.field().map(f -> f.field().id()).orElse(-1L);
			layout();
		}

		/** The canvas as wide as the view times the zoom, as tall as the page at that width. */
		private void layout() {
			Rectangle area = scroller.getClientArea();
			if (page == null || area.width <= 0) {
				canvas.setSize(Math.max(1, area.width), Math.max(1, area.height));
				canvas.redraw();
				return;
			}
			Rectangle size = page.getBounds();
			int width = (int) Math.round(area.width * ZOOMS[zoom]);
			int height = (int) Math.round((double) size.height * width / size.width);
			canvas.setSize(width, height);
			reveal();
			canvas.redraw();
		}

		/** Scrolls the current field into the middle of the view. */
		private void reveal() {
			for (StoredField field : fields) {
				if (field.id() == current && field.box().isPresent()) {
					Rectangle box = onCanvas(field.box().get());
					Rectangle area = scroller.getClientArea();
					scroller.setOrigin(Math.max(0, box.x + box.width / 2 - area.width / 2),
							Math.max(0, box.y + box.height / 2 - area.height / 2));
				}
			}
		}

		private Rectangle onCanvas(PixelBox box) {
			double scale = (double) canvas.getSize().x / scan.rasterWidth();
			return new Rectangle((int) Math.round(box.x() * scale), (int) Math.round(box.y() * scale),
					(int) Math.round(box.width() * scale), (int) Math.round(box.height() * scale));
		}

		private void paint(GC gc) {
			Rectangle size = canvas.getClientArea();
			gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.fillRectangle(size);
			if (page == null || scan == null) {
				gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
				gc.drawText(scan == null && !fields.isEmpty() ? "The page's scan was not kept by its import"
						: "No page", 10, 10);
				return;
			}
			Rectangle image = page.getBounds();
			gc.setInterpolation(SWT.HIGH);
			gc.drawImage(page, 0, 0, image.width, image.height, 0, 0, size.width, size.height);
			for (StoredField field : fields) {
				if (field.box().isEmpty()) {
					continue;
				}
				Rectangle box = onCanvas(field.box().get());
				gc.setForeground(StatusColours.of(canvas.getDisplay(), field.status()));
				boolean isCurrent = field.id() == current;
				gc.setLineWidth(isCurrent ? 4 : 2);
				gc.drawRectangle(box.x - 2, box.y - 2, box.width + 4, box.height + 4);
				if (isCurrent) {
					gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_MAGENTA));
					gc.setLineWidth(2);
					gc.drawRectangle(box.x - 7, box.y - 7, box.width + 14, box.height + 14);
				}
			}
		}

		@Override
		public void dispose() {
			canvas.getDisplay().removeFilter(SWT.KeyDown, zoomKeys);
			if (page != null) {
				page.dispose();
			}
		}
	}
}
