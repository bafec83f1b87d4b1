package com.digitdesk.verify.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.verify.ConfusionGrid;
import com.digitdesk.api.verify.ConfusionTile;
import com.digitdesk.api.verify.VerificationSession;

/**
 * Confusion-pair mode (Ctrl+G): the largest group of glyphs read as one
 * digit with the same runner-up, as tiles. Arrows move, a digit relabels the
 * tile under the cursor, Enter confirms the grid and shows the next one, Esc
 * goes back to the field.
 */
final class GridDialog {

	static final String TITLE = "DigitDesk verify - confusion pairs: ";

	private static final int SCALE = 3;
	private static final int TILE = 28 * SCALE;
	private static final int GAP = 14;
	private static final int LABEL = 30;

	private final Shell dialog;
	private final Canvas canvas;
	private final Font big;
	private final VerificationSession session;
	private ConfusionGrid grid;
	private final List<Image> glyphs = new ArrayList<>();
	private String message = "";

	private GridDialog(Shell parent, VerificationSession session, ConfusionGrid first) {
		this.session = session;
		dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.APPLICATION_MODAL);
		dialog.setLayout(new FillLayout());
		canvas = new Canvas(dialog, SWT.DOUBLE_BUFFERED);
		big = new Font(parent.getDisplay(), "Sans", 16, SWT.BOLD);
		canvas.addPaintListener(e -> paint(e.gc));
		canvas.addListener(SWT.KeyDown, this::key);
		dialog.addListener(SWT.Dispose, e -> {
			glyphs.forEach(Image::dispose);
			big.dispose();
		});
		show(first);
		Rectangle area = parent.getBounds();
		dialog.setBounds(area.x + 40, area.y + 40, Math.max(600, area.width - 80), Math.max(400, area.height - 80));
	}

	/** Opens the grids of the session, if there are any, until the clerk is done with them. */
	static String open(Shell parent, VerificationSession session) throws StoreException {
		List<ConfusionGrid> grids = session.confusionGrids();
		if (grids.isEmpty()) {
			return "no waiting field's doubts are all one digit and runner-up";
		}
		GridDialog grid = new GridDialog(parent, session, grids.get(0));
		Modal.run(grid.dialog, grid.canvas);
		return grid.message;
	}

	private void show(ConfusionGrid next) {
		grid = next;
		glyphs.forEach(Image::dispose);
		glyphs.clear();
		for (ConfusionTile tile : grid.tiles()) {
			glyphs.add(Images.glyph(dialog.getDisplay(), tile.glyph(), SCALE));
		}
		dialog.setText(TITLE + grid.read() + " or " + grid.runnerUp() + " (" + grid.tiles().size() + " tiles)");
		canvas.redraw();
	}

	private int columns() {
		return Math.max(1, (canvas.getClientArea().width - GAP) / (TILE + GAP));
	}

	private void key(Event e) {
		try {
			if (e.keyCode == SWT.ESC) {
				dialog.close();
				return;
			} else if (e.keyCode == SWT.ARROW_RIGHT) {
				grid.move(+1);
			} else if (e.keyCode == SWT.ARROW_LEFT) {
				grid.move(-1);
			} else if (e.keyCode == SWT.ARROW_DOWN) {
				grid.move(+columns());
			} else if (e.keyCode == SWT.ARROW_UP) {
				grid.move(-columns());
			} else if (e.character >= '0' && e.character <= '9') {
				grid.relabel(e.character);
			} else if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
				message = grid.confirm().message();
				List<ConfusionGrid> rest = session.confusionGrids();
				if (rest.isEmpty()) {
					dialog.close();
					return;
				}
				show(rest.get(0));
			} else {
				return;
			}
		} catch (StoreException ex) {
			message = ex.getMessage();
			dialog.close();
			return;
		}
		e.doit = false;
		canvas.redraw();
	}

	private void paint(GC gc) {
		Rectangle area = canvas.getClientArea();
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(area);
		gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.drawText(String.format(Locale.ROOT, "Read as %d, runner-up %d. A digit relabels the tile under the cursor; "
				+ "Enter confirms every tile (the others as %d); Esc goes back.", grid.read(), grid.runnerUp(),
				grid.read()), GAP, 6, true);
		int columns = columns();
		gc.setFont(big);
		for (int i = 0; i < glyphs.size(); i++) {
			int x = GAP + (i % columns) * (TILE + GAP);
			int y = 34 + (i / columns) * (TILE + LABEL + GAP);
			gc.drawImage(glyphs.get(i), x, y);
			var label = grid.relabelled(i);
			gc.setForeground(canvas.getDisplay().getSystemColor(label.isPresent() ? SWT.COLOR_RED : SWT.COLOR_DARK_GRAY));
			gc.drawText(Integer.toString(label.orElse(grid.read())), x + TILE / 2 - 6, y + TILE + 2, true);
			if (i == grid.cursor()) {
				gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_MAGENTA));
				gc.setLineWidth(3);
				gc.drawRectangle(x - 3, y - 3, TILE + 6, TILE + LABEL + 3);
				gc.setLineWidth(1);
			}
		}
	}
}
