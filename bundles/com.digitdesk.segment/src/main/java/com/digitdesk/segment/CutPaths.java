package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where two digits written into each other part: the paths from the top row
 * of their blob to its bottom row, a column left or right per row at most,
 * that cross the least ink. A straight cut must go through every stroke in
 * its column; a path goes round the end of a 1 reaching into a 4's arm or
 * between a 6's loop and the slanted 1 written over it, as handwriting
 * slants.
 */
final class CutPaths {

	/** What a step aside costs, against 1 for an ink pixel crossed: paths stay straight unless ink is saved. */
	static final double STEP_ASIDE = 0.3;

	private CutPaths() {
	}

	/**
	 * @param ink the blob's pixels, row-major, {@code width} a row
	 * @param margin columns a path keeps from either side (each part is at
	 *        least this wide)
	 * @param most how many paths at most
	 * @return the cheapest paths, cheapest first, each ending at least
	 *         {@code margin} columns from the others: per row, the last
	 *         column of the left part (0 = the blob's first column)
	 */
	static List<int[]> cheapest(boolean[] ink, int width, int margin, int most) {
		int height = ink.length / width;
		int from = margin;
		int to = width - 1 - margin;
		if (height == 0 || from > to) {
			return List.of();
		}
		double[][] cost = new double[height][width];
		int[][] previous = new int[height][width];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				cost[y][x] = Double.MAX_VALUE;
			}
			for (int x = from; x <= to; x++) {
				double own = ink[y * width + x] ? 1 : 0;
				if (y == 0) {
					cost[y][x] = own;
					continue;
				}
				for (int dx = -1; dx <= 1; dx++) {
					int px = x + dx;
					if (px < from || px > to) {
						continue;
					}
					// A step aside between two ink pixels that touch at their corners goes through a stroke.
					boolean through = dx != 0 && ink[(y - 1) * width + x] && ink[y * width + px];
					double total = cost[y - 1][px] + own + (dx == 0 ? 0 : STEP_ASIDE) + (through ? 1 : 0);
					if (total < cost[y][x]) {
						cost[y][x] = total;
						previous[y][x] = px;
					}
				}
			}
		}
		List<Integer> ends = new ArrayList<>();
		for (int x = from; x <= to; x++) {
			ends.add(x);
		}
		double[] last = cost[height - 1];
		ends.sort(Comparator.comparingDouble(x -> last[x]));
		List<Integer> taken = new ArrayList<>();
		for (int x : ends) {
			if (taken.size() < most && taken.stream().allMatch(t -> Math.abs(t - x) >= margin)) {
				taken.add(x);
			}
		}
		List<int[]> paths = new ArrayList<>();
		for (int end : taken) {
			int[] path = new int[height];
			int x = end;
			for (int y = height - 1; y >= 0; y--) {
				path[y] = x;
				x = previous[y][x];
			}
			paths.add(path);
		}
		return paths;
	}
}
