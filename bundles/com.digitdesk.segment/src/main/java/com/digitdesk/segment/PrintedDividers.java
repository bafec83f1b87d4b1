package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateBox;

/**
 * The cents divider a form prints in its amount boxes when the template
 * does not state it, found on all the page's amounts together: a printed
 * divider stands at the same place (in box heights from the right edge) in
 * the amount boxes of a form, written in or empty, while a pen's 1 resting
 * on a rule does not repeat from box to box.
 */
final class PrintedDividers {

	/** Dividers of two boxes this close (box heights) are at the same place. */
	static final double SAME_PLACE = 0.15;
	/** At least this share of a page's amounts show the divider. */
	static final double MOST = 0.5;

	private PrintedDividers() {
	}

	/** Where the page's amounts without a stated divider print one, in box heights from the right edge. */
	static OptionalDouble common(PageRaster page, PageTransform transform, List<FieldSpec> amounts) {
		List<Double> places = new ArrayList<>();
		for (FieldSpec field : amounts) {
			TemplateBox box = field.box();
			FieldRaster raster = FieldRaster.warp(page, transform, FieldInk.region(box));
			double h = box.height() * raster.pixelsPerPoint;
			double right = raster.toX(box.right());
			double best = Double.NaN;
			for (PrintedLines.Line line : PrintedLines.find(raster, box).verticals()) {
				double fromRight = (right - line.center()) / h;
				if (fromRight >= AmountCutter.CENTS_MIN && fromRight <= AmountCutter.CENTS_MAX) {
					best = fromRight; // the rightmost: lines further left are cells or ticks of the dollars
				}
			}
			if (!Double.isNaN(best)) {
				places.add(best);
			}
		}
		double bestPlace = Double.NaN;
		int bestCount = 0;
		for (double place : places) {
			int count = (int) places.stream().filter(p -> Math.abs(p - place) <= SAME_PLACE).count();
			if (count > bestCount) {
				bestCount = count;
				bestPlace = place;
			}
		}
		boolean repeated = amounts.size() == 1 ? bestCount == 1 : bestCount >= 2 && bestCount >= MOST * amounts.size();
		return repeated ? OptionalDouble.of(bestPlace) : OptionalDouble.empty();
	}

	/** Which x (points) of a vertical line inside the box are print: the divider's place, if the page has one. */
	static DoublePredicate print(FieldSpec field, OptionalDouble place) {
		if (place.isEmpty()) {
			return x -> false;
		}
		double expected = field.box().right() - place.getAsDouble() * field.box().height();
		return x -> Math.abs(x - expected) <= SAME_PLACE * field.box().height();
	}

	/**
	 * The divider of one amount in its ink's raster pixels: the printed line
	 * found at the page's place, or that place when the line is hidden (a
	 * stroke across it); NaN when the page has none.
	 */
	static double at(FieldSpec field, FieldInk ink, OptionalDouble place) {
		if (place.isEmpty()) {
			return Double.NaN;
		}
		double expected = ink.right - place.getAsDouble() * ink.boxHeight();
		double best = expected;
		double distance = SAME_PLACE * ink.boxHeight();
		for (double x : ink.innerLines) {
			if (Math.abs(x - expected) <= distance) {
				distance = Math.abs(x - expected);
				best = x;
			}
		}
		return best;
	}
}
