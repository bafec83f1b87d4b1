package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.segmentation.Glyph;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.segment.InkComponents.Component;

/**
 * Cuts a boxed or comb field: the cell lines are erased, each stroke goes to
 * the cell its centre lies in, and each cell gives one glyph (a blank one
 * when nothing is written in it).
 */
final class CellFieldCutter {

	private CellFieldCutter() {
	}

	static SegmentedField cut(PageRaster page, PageTransform transform, FieldSpec field) {
		List<TemplateBox> cells = field.cellBoxes();
		double[] dividers = new double[cells.size() - 1];
		for (int i = 1; i < cells.size(); i++) {
			dividers[i - 1] = cells.get(i).x();
		}
		FieldInk ink = FieldInk.read(page, transform, field.box(), dividers);
		GlyphGroup[] groups = new GlyphGroup[cells.size()];
		for (Component stroke : ink.strokes) {
			double x = ink.raster.region.x() + stroke.centerX() / ink.raster.pixelsPerPoint;
			int cell = (int) Math.floor((x - field.box().x()) / (field.box().width() / cells.size()));
			cell = Math.max(0, Math.min(cells.size() - 1, cell));
			if (groups[cell] == null) {
				groups[cell] = new GlyphGroup(stroke);
			} else {
				groups[cell].add(stroke);
			}
		}
		List<Glyph> glyphs = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int written = 0;
		for (int i = 0; i < cells.size(); i++) {
			GlyphGroup group = groups[i];
			if (group == null || group.count < ink.minDigitArea()) {
				glyphs.add(new Glyph(i, ink.raster.pageBox(cells.get(i)), DigitImage.blank(), true));
			} else {
				glyphs.add(group.withoutStrays(ink.raster.pixelsPerPoint).toGlyph(i, ink.raster, ink.labels));
				written++;
			}
		}
		if (written > 0 && written < cells.size()) {
			problems.add(written + " of " + cells.size() + " cells written");
		}
		return new SegmentedField(field.name(), ink.raster.pageBox(field.box()), glyphs, -1, problems);
	}
}
