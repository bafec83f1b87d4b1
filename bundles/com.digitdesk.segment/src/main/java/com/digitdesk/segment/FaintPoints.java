package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.digitdesk.api.image.GrayImage;

/**
 * A point written with a light pen and scanned in gray at a low resolution
 * is a small blur, lighter than the ink threshold that the strokes pass: in
 * the mask it is gone, or a pixel or two. Looked for where an amount's cents
 * would start, in the gap before its last two digits, at a level measured
 * against the darkness of those digits' own strokes.
 */
final class FaintPoints {

	/** A faint mark reaches this share of its digits' stroke darkness... */
	static final double LEVEL = 0.25;
	/** ...and its darkest pixel this share. */
	static final double PEAK = 0.35;
	/** Ink below this (0..255) is paper, whatever the strokes. */
	static final int PAPER = 26;
	/** A faint point covers at least this many times the fewest pixels of a dot in the mask. */
	static final double DOT = 2;
	/** A point is at most this share of the digit height wide and high. */
	static final double SIZE = 0.35;
	/** It sits in the lower part of the digits: its centre below this share of their height. */
	static final double LOW = 0.6;

	private FaintPoints() {
	}

	/**
	 * @param height the digit height (raster pixels)
	 * @return whether a faint point lies between the third and second last
	 *         digit, apart from every stroke
	 */
	static boolean beforeCents(FieldInk ink, List<GlyphGroup> digits, double height) {
		if (digits.size() < 3) {
			return false;
		}
		GlyphGroup dollar = digits.get(digits.size() - 3);
		GlyphGroup cent = digits.get(digits.size() - 2);
		FieldRaster raster = ink.raster;
		int left = dollar.maxX + 1;
		int right = cent.minX - 1;
		int bottom = Math.max(dollar.maxY, cent.maxY);
		int top = Math.min(dollar.minY, cent.minY);
		int from = (int) Math.round(top + LOW * (bottom - top) - SIZE * height / 2);
		int to = Math.min(raster.height - 1, (int) Math.round(bottom + SIZE * height / 2));
		if (right - left < 2 || from >= to) {
			return false;
		}
		double darkness = strokeDarkness(ink, List.of(dollar, cent));
		int level = (int) Math.max(PAPER, LEVEL * darkness);
		int peak = (int) Math.max(PAPER, PEAK * darkness);
		boolean[] stroke = strokePixels(ink);
		// The faint ink that is no stroke, as marks of its own.
		byte[] faint = new byte[raster.ink.length];
		for (int p = 0; p < faint.length; p++) {
			faint[p] = (byte) (ink(raster, p) > level && !stroke[p] ? 1 : 0);
		}
		int[] labels = new int[faint.length];
		List<InkComponents.Component> marks = InkComponents.find(faint, raster.width, raster.height, labels);
		int maskLevel = 255 - GrayImage.INK_LEVEL;
		double seenAsDot = FieldInk.minDot(raster);
		for (InkComponents.Component mark : marks) {
			boolean small = mark.width() <= SIZE * height && mark.height() <= SIZE * height;
			boolean between = mark.minX >= left && mark.maxX <= right && mark.centerY() >= from && mark.centerY() <= to;
			boolean low = mark.centerY() >= top + LOW * (bottom - top);
			// A pen's dot covers some pixels, a lone pixel of noise does not.
			if (!small || !between || !low || mark.count < DOT * seenAsDot) {
				continue;
			}
			int darkest = 0;
			int inMask = 0;
			boolean touchesStroke = false;
			for (int y = mark.minY; y <= mark.maxY; y++) {
				for (int x = mark.minX; x <= mark.maxX; x++) {
					int p = y * raster.width + x;
					if (labels[p] != mark.label) {
						continue;
					}
					int value = ink(raster, p);
					darkest = Math.max(darkest, value);
					inMask += value > maskLevel ? 1 : 0;
					touchesStroke |= besideStroke(stroke, raster, x, y, level);
				}
			}
			// What the mask holds of it is too little for a dot: the strokes' threshold did not see it.
			if (!touchesStroke && inMask < seenAsDot && darkest >= peak) {
				return true;
			}
		}
		return false;
	}

	/** The pixels of the field's strokes. */
	private static boolean[] strokePixels(FieldInk ink) {
		int labels = ink.strokes.stream().mapToInt(stroke -> stroke.label).max().orElse(0);
		boolean[] strokeLabel = new boolean[labels + 1];
		ink.strokes.forEach(stroke -> strokeLabel[stroke.label] = true);
		boolean[] stroke = new boolean[ink.labels.length];
		for (int p = 0; p < stroke.length; p++) {
			stroke[p] = ink.labels[p] != 0 && ink.labels[p] <= labels && strokeLabel[ink.labels[p]];
		}
		return stroke;
	}

	/** Whether a stroke pixel inked above {@code level} neighbours (x, y): the mark is the stroke's halo. */
	private static boolean besideStroke(boolean[] stroke, FieldRaster raster, int x, int y, int level) {
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				int nx = x + dx;
				int ny = y + dy;
				if (nx >= 0 && ny >= 0 && nx < raster.width && ny < raster.height) {
					int q = ny * raster.width + nx;
					if (stroke[q] && ink(raster, q) > level) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** The ink a stroke of these digits usually reaches: the upper quartile of their mask pixels. */
	private static double strokeDarkness(FieldInk ink, List<GlyphGroup> groups) {
		List<Integer> values = new ArrayList<>();
		for (GlyphGroup group : groups) {
			for (InkComponents.Component part : group.parts) {
				for (int y = part.minY; y <= part.maxY; y++) {
					for (int x = part.minX; x <= part.maxX; x++) {
						int p = y * ink.raster.width + x;
						if (ink.labels[p] == part.label) {
							values.add(ink(ink.raster, p));
						}
					}
				}
			}
		}
		if (values.isEmpty()) {
			return 255;
		}
		int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
		Arrays.sort(sorted);
		return sorted[sorted.length * 3 / 4];
	}

	private static int ink(FieldRaster raster, int p) {
		return raster.ink[p] & 0xFF;
	}
}
