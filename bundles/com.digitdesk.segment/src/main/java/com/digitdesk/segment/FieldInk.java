package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.segment.InkComponents.Component;

/**
 * A field resampled from the page with what is printed in and around its box
 * removed (lines by {@link PrintedLines}, lines the template states), and
 * the handwritten ink left in it as connected components; specks of dust
 * and ink centred outside the box (label text, dot leaders, a dollar sign
 * printed before the box) are dropped.
 */
final class FieldInk {

	/** Half the width of the band erased around a printed line the template states, in points. */
	static final double LINE_BAND = 1.0;
	/** Margin around the field box that is read too, in points: digits can stick out a little. */
	static final double MARGIN = 1.5;
	/** Ink reaching out of the box and lower than this share of its height is print around it (label text). */
	static final double TEXT_HEIGHT = 0.4;
	/** Digits are written at least this share of the box height... */
	static final double SMALL_DIGIT = 0.6;
	/** ...and carry at least this share of their height squared in ink. */
	static final double SMALL_DIGIT_INK = 0.06;
	/** How far (points) a printed edge may lie from where the template puts it: registration error. */
	static final double EDGE_REACH = 1.5;

	final FieldRaster raster;
	final int[] labels;
	final List<Component> strokes;
	/** Marks inside the box too small for a stroke but big enough for a written point (or a speck of dust). */
	final List<Component> dots;
	/** The box as printed, in raster pixels: its edges where found, else where the template puts them. */
	final int left;
	final int right;
	final int top;
	final int bottom;
	/** Centres (raster pixels) of the printed lines across the box inside it, left to right. */
	final List<Double> innerLines;

	private FieldInk(FieldRaster raster, int[] labels, List<Component> strokes, List<Component> dots, int[] edges,
			List<Double> innerLines) {
		this.raster = raster;
		this.labels = labels;
		this.strokes = strokes;
		this.dots = dots;
		this.left = edges[0];
		this.top = edges[1];
		this.right = edges[2];
		this.bottom = edges[3];
		this.innerLines = innerLines;
	}

	/**
	 * @param lines x positions (points) of printed vertical lines inside the box the template states,
	 *        erased whether found or not
	 */
	static FieldInk read(PageRaster page, PageTransform transform, TemplateBox box, double[] lines) {
		return read(page, transform, box, lines, x -> true, true, List.of());
	}

	/**
	 * @param lines x positions (points) of printed vertical lines inside the box the template states,
	 *        erased whether found or not
	 * @param innerPrint which x positions (points) of vertical lines found inside the box are print
	 * @param solidTicks whether solid lines inside the box shorter than it is high are print (see
	 *            {@link PrintedLines#remove(FieldRaster, TemplateBox, DoublePredicate, boolean)})
	 * @param blanks further places (points) where print is, erased (print the page repeats from box to box)
	 */
	static FieldInk read(PageRaster page, PageTransform transform, TemplateBox box, double[] lines,
			DoublePredicate innerPrint, boolean solidTicks, List<TemplateBox> blanks) {
		FieldRaster raster = FieldRaster.warp(page, transform, region(box));
		PrintedLines.Print print = PrintedLines.remove(raster, box,
				x -> innerPrint.test(raster.region.x() + x / raster.pixelsPerPoint), solidTicks);
		TemplateBox region = raster.region;
		for (double x : lines) {
			raster.erase(x - LINE_BAND, region.y(), 2 * LINE_BAND, region.height());
		}
		for (TemplateBox blank : blanks) {
			raster.erase(blank.x(), blank.y(), blank.width(), blank.height());
		}
		double reach = EDGE_REACH * raster.pixelsPerPoint;
		int[] edges = {
				edge(print.verticals(), raster.toX(box.x()), reach),
				edge(print.horizontals(), raster.toY(box.y()), reach),
				edge(print.verticals(), raster.toX(box.right()), reach),
				edge(print.horizontals(), raster.toY(box.bottom()), reach) };
		List<Double> inner = new ArrayList<>();
		for (PrintedLines.Line line : print.verticals()) {
			if (line.center() > edges[0] + reach && line.center() < edges[2] - reach) {
				inner.add(line.center());
			}
		}
		// Dust is a few pixels whatever the resolution; a stroke fragment is a few square points.
		double minArea = Math.max(14, 1.2 * raster.pixelsPerPoint * raster.pixelsPerPoint);
		double minDot = minDot(raster);
		int[] labels = new int[raster.width * raster.height];
		List<Component> all = WrittenMarks.components(raster.mask(), raster.width, raster.height, labels, minDot,
				minArea);
		List<Component> strokes = new ArrayList<>();
		List<Component> dots = new ArrayList<>();
		for (Component c : all) {
			// A digit may stick out of its box; print outside it is centred outside, or is small text
			// reaching in from outside (a label's descenders).
			boolean inside = c.centerX() >= edges[0] && c.centerX() <= edges[2] && c.centerY() >= edges[1]
					&& c.centerY() <= edges[3];
			boolean reachesOut = c.minY < edges[1] - 1 || c.maxY > edges[3] + 1 || c.minX < edges[0] - 1
					|| c.maxX > edges[2] + 1;
			boolean text = reachesOut && c.height() < TEXT_HEIGHT * (edges[3] - edges[1]);
			if (c.ink >= minArea && inside && !text) {
				strokes.add(c);
			} else if (c.ink >= minDot && inside && !reachesOut) {
				dots.add(c);
			}
		}
		return new FieldInk(raster, labels, strokes, dots, edges, inner);
	}

	/**
	 * The fewest pixels of a mark kept as a dot. A written point is a dot of
	 * the pen, scanned thin and light it may be only a few pixels: where it
	 * stands (low, between two digits, apart from both) tells it from dust.
	 */
	static double minDot(FieldRaster raster) {
		return Math.max(2, 0.15 * raster.pixelsPerPoint * raster.pixelsPerPoint);
	}

	/** The part of the page a field is read from: its box and a margin around it, in template points. */
	static TemplateBox region(TemplateBox box) {
		return new TemplateBox(box.x() - MARGIN, box.y() - MARGIN, box.width() + 2 * MARGIN, box.height() + 2 * MARGIN);
	}

	/** The printed line nearest to where the template puts an edge, within reach; else the template's place. */
	private static int edge(List<PrintedLines.Line> lines, int expected, double reach) {
		double best = expected;
		double distance = reach;
		for (PrintedLines.Line line : lines) {
			double d = Math.abs(line.center() - expected);
			if (d <= distance) {
				distance = d;
				best = line.center();
			}
		}
		return (int) Math.round(best);
	}

	/** Height of the box in raster pixels. */
	int boxHeight() {
		return bottom - top;
	}

	/** Ink of at least this many pixels makes a digit rather than a stray stroke fragment. */
	int minDigitArea() {
		// In a small box digits are small too: a thin 1 written 7 pt high in a 12 pt box has less ink.
		double digit = SMALL_DIGIT * boxHeight();
		return (int) Math.round(Math.min(6 * raster.pixelsPerPoint * raster.pixelsPerPoint,
				Math.max(14, SMALL_DIGIT_INK * digit * digit)));
	}
}
