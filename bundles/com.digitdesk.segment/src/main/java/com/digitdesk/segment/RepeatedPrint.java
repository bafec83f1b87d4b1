package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.segment.InkComponents.Component;

/**
 * Print a form repeats in its amount boxes (a dollar sign at the left of
 * each box, wherever it is printed), found on all the page's amounts
 * together: a mark at the same place and of the same size in most of them,
 * written in or empty, is print; handwriting does not repeat from box to
 * box like that. Where a digit is written against it, the two are one blob
 * of ink, so the place is erased rather than the mark.
 */
final class RepeatedPrint {

	/** Marks of two boxes this close (box heights, in place and in size) are the same print. */
	static final double SAME = 0.15;
	/** At least this share of a page's amounts show the mark. */
	static final double MOST = 0.5;
	/** Only the left part of a box, this many box heights wide, is looked at: where a sign is printed. */
	static final double LEFT_PART = 1.0;
	/** Erased around a repeated mark, in points: blur and registration error. */
	static final double BLEED = 0.8;

	/** A mark's place and size relative to its box, in box heights. */
	record Mark(int box, double x, double y, double width, double height) {

		boolean like(Mark other) {
			return Math.abs(x - other.x) <= SAME && Math.abs(y - other.y) <= SAME
					&& Math.abs(width - other.width) <= SAME && Math.abs(height - other.height) <= SAME;
		}

		/** Where the mark is in {@code field}'s box, a little grown. */
		TemplateBox in(FieldSpec field) {
			TemplateBox b = field.box();
			double h = b.height();
			return new TemplateBox(b.x() + (x - width / 2) * h - BLEED, b.y() + (y - height / 2) * h - BLEED,
					width * h + 2 * BLEED, height * h + 2 * BLEED);
		}
	}

	private RepeatedPrint() {
	}

	/** The marks most of the page's amounts show at the same place near their left edge. */
	static List<Mark> find(PageRaster page, PageTransform transform, List<FieldSpec> amounts) {
		if (amounts.size() < 2) {
			return List.of();
		}
		List<Mark> marks = new ArrayList<>();
		for (int i = 0; i < amounts.size(); i++) {
			TemplateBox box = amounts.get(i).box();
			FieldInk ink = FieldInk.read(page, transform, box, new double[0]);
			double h = box.height() * ink.raster.pixelsPerPoint;
			double left = ink.raster.toX(box.x());
			double top = ink.raster.toY(box.y());
			for (Component c : ink.strokes) {
				Mark mark = new Mark(i, (c.centerX() - left) / h, (c.centerY() - top) / h, c.width() / h,
						c.height() / h);
				if (mark.x() <= LEFT_PART) {
					marks.add(mark);
				}
			}
		}
		List<Mark> repeated = new ArrayList<>();
		for (Mark mark : marks) {
			long boxes = marks.stream().filter(mark::like).mapToInt(Mark::box).distinct().count();
			if (boxes >= 2 && boxes >= MOST * amounts.size() && repeated.stream().noneMatch(mark::like)) {
				repeated.add(mark);
			}
		}
		return repeated;
	}
}
