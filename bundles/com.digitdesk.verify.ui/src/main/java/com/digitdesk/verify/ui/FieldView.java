package com.digitdesk.verify.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;

import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.verify.FieldOnScreen;
import com.digitdesk.verify.ui.view.DeskState;
import com.digitdesk.verify.ui.view.VerifyView;
import com.digitdesk.verify.ui.view.ViewSite;

/**
 * The current field: its snippet enlarged, directly above the value (typed,
 * or as read or proposed; the selected cell marked), each digit's glyph with
 * the recognizer's three first classes, the reasons it waits, the proposal,
 * and the answer to the clerk's last key.
 */
@Component(property = { VerifyView.PLACE + "=right", VerifyView.ORDER + ":Integer=0" })
public final class FieldView implements VerifyView {

	@Override
	public String title() {
		return "Field";
	}

	@Override
	public ViewPart open(Composite parent, ViewSite site) {
		return new Part(parent, site.fontSize(), site.highContrast());
	}

	private static final class Part implements ViewPart {
		private static final int GLYPH_SCALE = 3;
		private final Canvas canvas;
		private final Font text;
		private final Font value;
		private Optional<FieldOnScreen> field = Optional.empty();
		private Image snippet;
		private final List<Image> glyphs = new ArrayList<>();
		/** Light on black for a clerk who asked for high contrast, else dark on white. */
		private final boolean contrast;

		Part(Composite parent, int fontSize, boolean contrast) {
			this.contrast = contrast;
			canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
			FontData base = canvas.getDisplay().getSystemFont().getFontData()[0];
			text = new Font(canvas.getDisplay(), base.getName(), fontSize, SWT.NORMAL);
			value = new Font(canvas.getDisplay(), "Monospace", fontSize * 3, SWT.BOLD);
			canvas.addPaintListener(e -> paint(e.gc));
		}

		@Override
		public void show(DeskState state) {
			disposeImages();
			field = state.field();
			if (field.isPresent()) {
				Optional<FieldImage> image = field.get().snippet();
				snippet = image.map(i -> Images.png(canvas.getDisplay(), i.png())).orElse(null);
				for (DigitResult digit : field.get().digits()) {
					glyphs.add(Images.glyph(canvas.getDisplay(), digit.image(), GLYPH_SCALE, !contrast));
				}
			}
			canvas.redraw();
		}

		private void paint(GC gc) {
			Rectangle area = canvas.getClientArea();
			gc.setBackground(colour(SWT.COLOR_WHITE, SWT.COLOR_BLACK));
			gc.fillRectangle(area);
			gc.setForeground(colour(SWT.COLOR_BLACK, SWT.COLOR_WHITE));
			gc.setFont(text);
			if (field.isEmpty()) {
				gc.drawText("Nothing waits for a clerk.", 12, 12, true);
				return;
			}
			FieldOnScreen shown = field.get();
			int y = 8;
			gc.drawText(shown.field().name() + "  (" + shown.kind().name().toLowerCase(Locale.ROOT) + ", read "
					+ display(shown.field().value()) + ", " + String.format(Locale.ROOT, "%.2f sure",
							shown.field().confidence()) + ")", 12, y, true);
			y += gc.getFontMetrics().getHeight() + 6;
			if (snippet != null) {
				Rectangle size = snippet.getBounds();
				int width = Math.min(area.width - 24, size.width * 2);
				int height = size.height * width / Math.max(1, size.width);
				gc.drawImage(snippet, 0, 0, size.width, size.height, 12, y, width, height);
				gc.setForeground(colour(SWT.COLOR_GRAY, SWT.COLOR_YELLOW));
				gc.drawRectangle(12, y, width, height);
				y += height + 8;
			} else {
				gc.drawText("(no snippet kept)", 12, y, true);
				y += gc.getFontMetrics().getHeight() + 8;
			}
			y = paintValue(gc, shown, y);
			y = paintGlyphs(gc, shown, y);
			gc.setFont(text);
			gc.setForeground(colour(SWT.COLOR_BLACK, SWT.COLOR_WHITE));
			for (String reason : shown.reasons()) {
				gc.drawText("\u2022 " + reason, 12, y, true);
				y += gc.getFontMetrics().getHeight() + 2;
			}
			if (shown.field().proposal().isPresent()) {
				gc.drawText("Proposed by the rule: " + shown.field().proposal().get(), 12, y + 4, true);
				y += gc.getFontMetrics().getHeight() + 6;
			}
			if (!shown.message().isEmpty()) {
				gc.setForeground(colour(SWT.COLOR_RED, SWT.COLOR_RED));
				gc.drawText(shown.message(), 12, y + 6, true);
			}
		}

		/** The value large, the selected cell boxed; blue when typed. */
		private int paintValue(GC gc, FieldOnScreen shown, int y) {
			gc.setFont(value);
			String text = shown.shown().isEmpty() ? "(empty)" : shown.shown();
			gc.setForeground(shown.typed() ? colour(SWT.COLOR_BLUE, SWT.COLOR_YELLOW)
					: colour(SWT.COLOR_BLACK, SWT.COLOR_WHITE));
			gc.drawText(text, 12, y, true);
			if (shown.cursor() >= 0 && shown.cursor() < text.length()) {
				Point before = gc.textExtent(text.substring(0, shown.cursor()));
				Point cell = gc.textExtent(text.substring(shown.cursor(), shown.cursor() + 1));
				gc.setForeground(colour(SWT.COLOR_MAGENTA, SWT.COLOR_CYAN));
				gc.setLineWidth(3);
				gc.drawRectangle(12 + before.x - 2, y - 2, cell.x + 4, cell.y + 4);
				gc.setLineWidth(1);
			}
			return y + gc.getFontMetrics().getHeight() + 10;
		}

		/** Each digit's glyph as the recognizer saw it, with its three first classes under it. */
		private int paintGlyphs(GC gc, FieldOnScreen shown, int y) {
			gc.setFont(text);
			int x = 12;
			int tile = 28 * GLYPH_SCALE;
			int line = gc.getFontMetrics().getHeight();
			for (int i = 0; i < glyphs.size(); i++) {
				gc.drawImage(glyphs.get(i), x, y);
				DigitResult digit = shown.digits().get(i);
				int ty = y + tile + 2;
				if (digit.prediction().isPresent()) {
					List<ClassProbability> ranked = digit.prediction().get().ranked();
					for (int r = 0; r < Math.min(3, ranked.size()); r++) {
						ClassProbability choice = ranked.get(r);
						gc.setForeground(r == 0 ? colour(SWT.COLOR_BLACK, SWT.COLOR_WHITE)
								: colour(SWT.COLOR_DARK_GRAY, SWT.COLOR_GRAY));
						gc.drawText((choice.isDigit() ? Integer.toString(choice.digit()) : "\u2205")
								+ String.format(Locale.ROOT, " %.2f", choice.probability()), x, ty, true);
						ty += line;
					}
				} else {
					gc.drawText("empty", x, ty, true);
				}
				x += tile + 10;
				if (x + tile > canvas.getClientArea().width && i < glyphs.size() - 1) {
					x = 12;
					y += tile + 3 * line + 10;
				}
			}
			return glyphs.isEmpty() ? y : y + tile + 3 * line + 12;
		}

		/** A system colour: the first in the usual look, the second in high contrast. */
		private org.eclipse.swt.graphics.Color colour(int usual, int highContrast) {
			return canvas.getDisplay().getSystemColor(contrast ? highContrast : usual);
		}

		private static String display(String value) {
			return value.isEmpty() ? "empty" : value;
		}

		private void disposeImages() {
			if (snippet != null) {
				snippet.dispose();
				snippet = null;
			}
			glyphs.forEach(Image::dispose);
			glyphs.clear();
		}

		@Override
		public void dispose() {
			disposeImages();
			text.dispose();
			value.dispose();
		}
	}
}
