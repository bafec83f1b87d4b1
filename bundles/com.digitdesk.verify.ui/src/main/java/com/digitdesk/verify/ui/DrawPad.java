package com.digitdesk.verify.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import com.digitdesk.api.recognition.ActivationMaps;
import com.digitdesk.api.recognition.ClassProbability;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;

/**
 * The draw pad: a digit drawn with the mouse (or loaded from a PNG, JPEG or
 * BMP) is normalized as the form reader normalizes glyphs and read by the same
 * recognizer, the eleven class probabilities as bars updated while drawing,
 * with the first convolution layer's maps. The title says what it reads.
 * Delete clears, Ctrl+O loads an image, Esc closes.
 */
final class DrawPad {

	static final String TITLE = "DigitDesk draw pad";

	private static final int PAD = 280;
	private static final int PEN = 20;
	private static final int MAP_SCALE = 2;
	private static final int MAP_COLUMNS = 8;

	private final Shell shell;
	private final DigitRecognizer recognizer;
	private final DigitNormalizer normalizer;
	private final Image drawing;
	private final Canvas pad;
	private final Canvas bars;
	private final Canvas maps;
	private final Label message;
	private double[] probabilities = new double[11];
	private Optional<ActivationMaps> activations = Optional.empty();
	private int lastX = -1;
	private int lastY = -1;
	private boolean pending;
	/** Between a button press on the pad and its release. */
	private boolean penDown;

	private DrawPad(Shell parent, DigitRecognizer recognizer, DigitNormalizer normalizer) {
		this.recognizer = recognizer;
		this.normalizer = normalizer;
		shell = new Shell(parent, SWT.SHELL_TRIM | SWT.TOOL);
		shell.setText(TITLE);
		shell.setLayout(new GridLayout(2, false));
		drawing = new Image(shell.getDisplay(), PAD, PAD);
		clear();
		pad = new Canvas(shell, SWT.BORDER | SWT.DOUBLE_BUFFERED);
		pad.setLayoutData(new GridData(PAD, PAD));
		pad.addPaintListener(e -> e.gc.drawImage(drawing, 0, 0));
		pad.addListener(SWT.MouseDown, e -> {
			drawing(true);
			stroke(e.x, e.y, true);
		});
		pad.addListener(SWT.MouseMove, e -> {
			if (penDown) {
				stroke(e.x, e.y, false);
			}
		});
		pad.addListener(SWT.MouseUp, e -> {
			drawing(false);
			lastX = -1;
		});
		bars = new Canvas(shell, SWT.DOUBLE_BUFFERED);
		bars.setLayoutData(new GridData(260, PAD));
		bars.addPaintListener(e -> paintBars(e.gc));
		maps = new Canvas(shell, SWT.DOUBLE_BUFFERED);
		GridData mapsData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		mapsData.heightHint = 4 * (26 * MAP_SCALE + 4) + 24;
		maps.setLayoutData(mapsData);
		maps.addPaintListener(e -> paintMaps(e.gc));
		message = new Label(shell, SWT.WRAP);
		message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		message.setText("Draw a digit with the mouse; Delete clears, Ctrl+O loads an image, Esc closes.");
		shell.addListener(SWT.KeyDown, this::key);
		pad.addListener(SWT.KeyDown, this::key);
		shell.addListener(SWT.Dispose, e -> drawing.dispose());
		shell.pack();
	}

	/** Opens the pad beside the window; it stays open while the clerk goes on. */
	static Shell open(Shell parent, DigitRecognizer recognizer, DigitNormalizer normalizer) {
		DrawPad pad = new DrawPad(parent, recognizer, normalizer);
		pad.shell.setLocation(parent.getLocation().x + 60, parent.getLocation().y + 60);
		pad.shell.open();
		pad.pad.setFocus();
		return pad.shell;
	}

	private void key(Event e) {
		if (e.keyCode == SWT.ESC) {
			shell.close();
		} else if (e.keyCode == SWT.DEL || e.keyCode == SWT.BS) {
			clear();
			probabilities = new double[11];
			activations = Optional.empty();
			shell.setText(TITLE);
			redraw();
		} else if ((e.stateMask & SWT.CTRL) != 0 && e.keyCode == 'o') {
			load();
		} else {
			return;
		}
		e.doit = false;
	}

	private void drawing(boolean down) {
		penDown = down;
	}

	private void clear() {
		GC gc = new GC(drawing);
		gc.setBackground(shell.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(0, 0, PAD, PAD);
		gc.dispose();
	}

	private void stroke(int x, int y, boolean start) {
		GC gc = new GC(drawing);
		gc.setAntialias(SWT.ON);
		gc.setForeground(shell.getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.setLineWidth(PEN);
		gc.setLineCap(SWT.CAP_ROUND);
		if (start || lastX < 0) {
			gc.drawLine(x, y, x, y);
		} else {
			gc.drawLine(lastX, lastY, x, y);
		}
		gc.dispose();
		lastX = x;
		lastY = y;
		pad.redraw();
		// read while drawing, at most every 60 ms
		if (!pending) {
			pending = true;
			shell.getDisplay().timerExec(60, () -> {
				pending = false;
				if (!shell.isDisposed()) {
					read(drawing.getImageData(), "drawn");
				}
			});
		}
	}

	private void load() {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setText("Load a digit image");
		dialog.setFilterExtensions(new String[] { "*.png;*.jpg;*.jpeg;*.bmp;*.gif", "*" });
		String file = dialog.open();
		if (file == null) {
			return;
		}
		ImageData data;
		try {
			data = new ImageData(file);
		} catch (SWTException e) {
			String why = Path.of(file).getFileName() + " is no image this pad reads (PNG, JPEG, BMP or GIF): "
					+ e.getMessage();
			message.setText(why);
			shell.setText(TITLE + " - " + why);
			return;
		}
		clear();
		Image loaded = new Image(shell.getDisplay(), data);
		GC gc = new GC(drawing);
		int side = Math.max(data.width, data.height);
		int width = data.width * PAD / side;
		int height = data.height * PAD / side;
		gc.drawImage(loaded, 0, 0, data.width, data.height, (PAD - width) / 2, (PAD - height) / 2, width, height);
		gc.dispose();
		loaded.dispose();
		pad.redraw();
		read(data, Path.of(file).getFileName().toString());
	}

	/** Normalizes the picture's ink as the form reader does and reads it. */
	private void read(ImageData data, String what) {
		byte[] ink = ink(data);
		DigitImage glyph = normalizer.normalize(data.width, data.height, ink);
		try {
			List<DigitPrediction> read = recognizer.recognize(List.of(glyph));
			probabilities = new double[11];
			for (ClassProbability choice : read.get(0).ranked()) {
				probabilities[choice.isDigit() ? choice.digit() : 10] = choice.probability();
			}
			activations = recognizer.firstLayer(glyph);
			ClassProbability top = read.get(0).top();
			String reads = String.format(Locale.ROOT, "reads %s (%.2f)", top.isDigit() ? Integer.toString(top.digit())
					: "no digit", top.probability());
			shell.setText(TITLE + " - " + reads);
			message.setText(what + ": " + reads);
		} catch (RecognitionException e) {
			message.setText("the recognizer failed: " + e.getMessage());
		}
		redraw();
	}

	/** Ink as the normalizer wants it (255 full): dark strokes on light ground, or light on dark. */
	static byte[] ink(ImageData data) {
		int[] gray = new int[data.width * data.height];
		long sum = 0;
		for (int y = 0; y < data.height; y++) {
			for (int x = 0; x < data.width; x++) {
				RGB rgb = data.palette.getRGB(data.getPixel(x, y));
				int g = (rgb.red * 299 + rgb.green * 587 + rgb.blue * 114) / 1000;
				if (data.getTransparencyType() == SWT.TRANSPARENCY_ALPHA && data.getAlpha(x, y) < 128) {
					g = 255;
				}
				gray[y * data.width + x] = g;
				sum += g;
			}
		}
		boolean darkGround = sum / Math.max(1, gray.length) < 128;
		byte[] ink = new byte[gray.length];
		for (int i = 0; i < gray.length; i++) {
			ink[i] = (byte) (darkGround ? gray[i] : 255 - gray[i]);
		}
		return ink;
	}

	private void redraw() {
		bars.redraw();
		maps.redraw();
	}

	private void paintBars(GC gc) {
		int row = PAD / 11;
		for (int c = 0; c < 11; c++) {
			int y = c * row;
			gc.setForeground(shell.getDisplay().getSystemColor(SWT.COLOR_BLACK));
			gc.drawText(c < 10 ? Integer.toString(c) : "\u2205", 4, y + 2, true);
			int width = (int) Math.round(probabilities[c] * 170);
			gc.setBackground(shell.getDisplay().getSystemColor(c == argmax() && probabilities[c] > 0
					? SWT.COLOR_DARK_BLUE : SWT.COLOR_GRAY));
			gc.fillRectangle(24, y + 4, width, row - 8);
			gc.drawText(String.format(Locale.ROOT, "%.3f", probabilities[c]), 200, y + 2, true);
		}
	}

	private int argmax() {
		int best = 0;
		for (int c = 1; c < 11; c++) {
			if (probabilities[c] > probabilities[best]) {
				best = c;
			}
		}
		return best;
	}

	private void paintMaps(GC gc) {
		if (activations.isEmpty()) {
			gc.drawText("the first layer's maps show here", 4, 4, true);
			return;
		}
		ActivationMaps layer = activations.get();
		float max = 1e-6f;
		for (float v : layer.values()) {
			max = Math.max(max, v);
		}
		int tile = layer.side() * MAP_SCALE;
		int rows = (layer.count() + MAP_COLUMNS - 1) / MAP_COLUMNS;
		int width = MAP_COLUMNS * (tile + 4);
		int height = rows * (tile + 4);
		byte[] grays = new byte[width * height];
		java.util.Arrays.fill(grays, (byte) 255);
		for (int m = 0; m < layer.count(); m++) {
			int ox = (m % MAP_COLUMNS) * (tile + 4);
			int oy = (m / MAP_COLUMNS) * (tile + 4);
			for (int y = 0; y < tile; y++) {
				for (int x = 0; x < tile; x++) {
					float v = layer.at(m, x / MAP_SCALE, y / MAP_SCALE) / max;
					grays[(oy + y) * width + ox + x] = (byte) (255 - Math.round(255 * v));
				}
			}
		}
		Image image = Images.gray(shell.getDisplay(), width, height, grays);
		gc.drawImage(image, 4, 4);
		image.dispose();
	}
}
