package com.digitdesk.forms;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.forms.InkComponents.Component;

/**
 * A field resampled from the page with its printed lines erased, and the
 * handwritten ink left in it as connected components; specks of dust are
 * dropped.
 */
final class FieldInk {

	/** Half the width of the band erased around a printed line, in points: the line, blur and registration error. */
	static final double LINE_BAND = 1.0;
	/** Margin around the field box that is read too, in points: digits can stick out a little. */
	static final double MARGIN = 1.5;

	final FieldRaster raster;
	final int[] labels;
	final List<Component> strokes;

	private FieldInk(FieldRaster raster, int[] labels, List<Component> strokes) {
		this.raster = raster;
		this.labels = labels;
		this.strokes = strokes;
	}

	/**
	 * @param lines x positions (points) of the printed vertical lines inside the box, erased along with the box outline
	 * @param blanks further boxes (points) of print to erase, such as a dollar sign
	 */
	static FieldInk read(PageRaster page, com.digitdesk.api.registration.PageTransform transform, TemplateBox box,
			double[] lines, List<TemplateBox> blanks) {
		TemplateBox region = new TemplateBox(box.x() - MARGIN, box.y() - MARGIN, box.width() + 2 * MARGIN,
				box.height() + 2 * MARGIN);
		FieldRaster raster = FieldRaster.warp(page, transform, region);
		double band = 2 * LINE_BAND;
		raster.erase(region.x(), region.y(), region.width(), MARGIN + LINE_BAND);
		raster.erase(region.x(), box.bottom() - LINE_BAND, region.width(), MARGIN + LINE_BAND);
		raster.erase(region.x(), region.y(), MARGIN + LINE_BAND, region.height());
		raster.erase(box.right() - LINE_BAND, region.y(), MARGIN + LINE_BAND, region.height());
		for (double x : lines) {
			raster.erase(x - LINE_BAND, region.y(), band, region.height());
		}
		for (TemplateBox blank : blanks) {
			raster.erase(blank.x(), blank.y(), blank.width(), blank.height());
		}
		int[] labels = new int[raster.width * raster.height];
		List<Component> all = InkComponents.find(raster.mask(), raster.width, raster.height, labels);
		// Dust is a few pixels whatever the resolution; a stroke fragment is a few square points.
		double minArea = Math.max(14, 1.2 * raster.pixelsPerPoint * raster.pixelsPerPoint);
		List<Component> strokes = new ArrayList<>();
		for (Component c : all) {
			if (c.count >= minArea) {
				strokes.add(c);
			}
		}
		return new FieldInk(raster, labels, strokes);
	}

	/** Ink of at least this many pixels makes a digit rather than a stray stroke fragment. */
	int minDigitArea() {
		return (int) Math.round(6 * raster.pixelsPerPoint * raster.pixelsPerPoint);
	}
}
