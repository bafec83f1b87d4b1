package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.segment.InkComponents.Component;

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
	static FieldInk read(PageRaster page, PageTransform transform, TemplateBox box,
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
		// Strokes are joined across one-pixel breaks (thin pen lines break
		// when a scan is thresholded); areas count the ink itself.
		byte[] mask = raster.mask();
		List<Component> all = InkComponents.find(dilate(mask, raster.width, raster.height), raster.width,
				raster.height, labels);
		int[] inked = new int[all.size() + 1];
		for (int i = 0; i < mask.length; i++) {
			if (mask[i] != 0) {
				inked[labels[i]]++;
			}
		}
		for (Component c : all) {
			c.ink = inked[c.label];
		}
		// Dust is a few pixels whatever the resolution; a stroke fragment is a few square points.
		double minArea = Math.max(14, 1.2 * raster.pixelsPerPoint * raster.pixelsPerPoint);
		List<Component> strokes = new ArrayList<>();
		for (Component c : all) {
			if (c.ink >= minArea) {
				strokes.add(c);
			}
		}
		return new FieldInk(raster, labels, strokes);
	}

	/** The mask grown by one pixel in all eight directions. */
	private static byte[] dilate(byte[] mask, int width, int height) {
		byte[] grown = new byte[mask.length];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if (mask[y * width + x] == 0) {
					continue;
				}
				for (int dy = Math.max(0, y - 1); dy <= Math.min(height - 1, y + 1); dy++) {
					for (int dx = Math.max(0, x - 1); dx <= Math.min(width - 1, x + 1); dx++) {
						grown[dy * width + dx] = 1;
					}
				}
			}
		}
		return grown;
	}

	/** Ink of at least this many pixels makes a digit rather than a stray stroke fragment. */
	int minDigitArea() {
		return (int) Math.round(6 * raster.pixelsPerPoint * raster.pixelsPerPoint);
	}
}
