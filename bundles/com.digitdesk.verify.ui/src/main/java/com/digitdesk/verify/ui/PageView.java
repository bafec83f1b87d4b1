package com.digitdesk.verify.ui;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.osgi.service.component.annotations.Component;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.store.StoreException;
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
		return new Part(parent, new PagePictures(site.store()), site.highContrast());
	}

	/** Zoom steps, as shares of the view's width. */
	private static final double[] ZOOMS = { 1, 1.5, 2, 3, 4 };

	private static final class Part implements ViewPart {
		private final ScrolledComposite scroller;
		private final Canvas canvas;
		private final PagePictures pictures;
		private String pageKey;
		/** The page as stored, made into an image only when it must be scaled anew (zoomed, resized). */
		private ImageData pageData;
		private Image page;
		/** The page reduced ahead of time to the view's width. */
		private ImageData fitted;
		/** The page drawn at the canvas's size, made once per page and size. */
		private Image drawn;
		private int rasterWidth = 1;
		private String problem = "";
		private List<StoredField> fields = List.of();
		private long current = -1;
		private int zoom;
		/** Boxes drawn twice as thick for a clerk who asked for high contrast. */
		private final int thickness;

		Part(Composite parent, PagePictures pictures, boolean contrast) {
			this.pictures = pictures;
			this.thickness = contrast ? 2 : 1;
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
			if (canvas.isDisposed() || !(e.widget instanceof Control control) || control.isDisposed()
					|| control.getShell() != canvas.getShell()) {
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
			fields = state.pageFields();
			current = state.field().map(f -> f.field().id()).orElse(-1L);
			if (state.field().isEmpty()) {
				replace(null);
				pageKey = null;
			} else {
				StoredField field = state.field().get().field();
				String key = PagePictures.key(field);
				if (!key.equals(pageKey)) {
					pageKey = key;
					try {
						PagePictures.Picture picture = pictures.of(field);
						rasterWidth = picture.rasterWidth();
						replace(picture.data());
						fitted = picture.fitted();
						problem = picture.data() == null ? "The page's scan was not kept by its import" : "";
					} catch (StoreException e) {
						replace(null);
						problem = e.getMessage();
					}
				}
				pictures.ahead(field, state.upcoming());
			}
			layout();
		}

		private void replace(ImageData next) {
			if (page != null) {
				page.dispose();
				page = null;
			}
			if (drawn != null) {
				drawn.dispose();
				drawn = null;
			}
			pageData = next;
			fitted = null;
		}

		/** The canvas as wide as the view times the zoom, as tall as the page at that width. */
		private void layout() {
			Rectangle area = scroller.getClientArea();
			if (pageData == null || area.width <= 0) {
				canvas.setSize(Math.max(1, area.width), Math.max(1, area.height));
				canvas.redraw();
				return;
			}
			int width = (int) Math.round(area.width * ZOOMS[zoom]);
			int height = (int) ((long) pageData.height * width / pageData.width);
			if (zoom == 0) {
				pictures.width(width);
			}
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
			double scale = (double) canvas.getSize().x / rasterWidth;
			return new Rectangle((int) Math.round(box.x() * scale), (int) Math.round(box.y() * scale),
					(int) Math.round(box.width() * scale), (int) Math.round(box.height() * scale));
		}

		private void paint(GC gc) {
			Rectangle size = canvas.getClientArea();
			gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.fillRectangle(size);
			if (pageData == null) {
				gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
				gc.drawText(problem.isEmpty() ? "No page" : problem, 10, 10);
				return;
			}
			if (drawn == null || drawn.getBounds().width != size.width || drawn.getBounds().height != size.height) {
				if (drawn != null) {
					drawn.dispose();
				}
				// the copy reduced ahead of time when it fits, else scaled now (zoomed, resized)
				if (fitted != null && fitted.width == size.width && fitted.height == size.height) {
					drawn = new Image(canvas.getDisplay(), fitted);
				} else {
					if (page == null) {
						page = new Image(canvas.getDisplay(), pageData);
					}
					drawn = Images.scaled(canvas.getDisplay(), page, size.width, size.height);
				}
			}
			gc.drawImage(drawn, 0, 0);
			for (StoredField field : fields) {
				if (field.box().isEmpty()) {
					continue;
				}
				Rectangle box = onCanvas(field.box().get());
				gc.setForeground(StatusColours.of(canvas.getDisplay(), field.status()));
				boolean isCurrent = field.id() == current;
				gc.setLineWidth((isCurrent ? 4 : 2) * thickness);
				gc.drawRectangle(box.x - 2, box.y - 2, box.width + 4, box.height + 4);
				if (isCurrent) {
					gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_MAGENTA));
					gc.setLineWidth(2 * thickness);
					int around = 5 + 2 * thickness;
					gc.drawRectangle(box.x - around, box.y - around, box.width + 2 * around, box.height + 2 * around);
				}
			}
		}

		@Override
		public void dispose() {
			canvas.getDisplay().removeFilter(SWT.KeyDown, zoomKeys);
			pictures.close();
			replace(null);
		}
	}
}
