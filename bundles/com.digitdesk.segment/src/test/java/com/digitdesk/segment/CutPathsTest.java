package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Paths that part two digits written into each other's columns. */
class CutPathsTest {

	/** Two strokes slanting like "//", each reaching into the other's columns: no column is free of ink. */
	private static final String[] SLANTED = {
			"......#....#",
			".....#....#.",
			".....#....#.",
			"....#....#..",
			"...#....#...",
			"...#....#...",
			"..#....#....",
			".#....#.....",
			".#....#.....",
			"#....#......" };

	@Test
	void aPathBetweenSlantedDigitsCrossesNoInkWhereEveryColumnCutsSome() {
		boolean[] ink = grid(SLANTED);
		int width = SLANTED[0].length();
		for (int x = 0; x < width; x++) {
			int column = x;
			assertThat(countInk(ink, width, y -> column)).as("column %d", x).isPositive();
		}

		List<int[]> paths = CutPaths.cheapest(ink, width, 2, 3);

		int[] best = paths.get(0);
		assertThat(countInk(ink, width, y -> best[y])).isZero();
		// Left of the path lies the first stroke whole, right of it the second.
		for (int y = 0; y < SLANTED.length; y++) {
			String row = SLANTED[y];
			assertThat(row.indexOf('#')).as("row %d", y).isLessThanOrEqualTo(best[y]);
			assertThat(row.lastIndexOf('#')).as("row %d", y).isGreaterThan(best[y]);
		}
	}

	@Test
	void pathsKeepTheirMarginFromTheSidesAndFromEachOther() {
		List<int[]> paths = CutPaths.cheapest(grid(SLANTED), SLANTED[0].length(), 3, 3);
		assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(java.util.Arrays.stream(path)).allMatch(x -> x >= 3 && x <= 8));
		for (int i = 1; i < paths.size(); i++) {
			int end = paths.get(i)[SLANTED.length - 1];
			assertThat(paths.subList(0, i)).allSatisfy(other -> assertThat(Math.abs(other[SLANTED.length - 1] - end))
					.isGreaterThanOrEqualTo(3));
		}
		assertThat(CutPaths.cheapest(grid(SLANTED), SLANTED[0].length(), 6, 3)).isEmpty();
	}

	private static boolean[] grid(String[] rows) {
		int width = rows[0].length();
		boolean[] ink = new boolean[width * rows.length];
		for (int y = 0; y < rows.length; y++) {
			for (int x = 0; x < width; x++) {
				ink[y * width + x] = rows[y].charAt(x) == '#';
			}
		}
		return ink;
	}

	private static int countInk(boolean[] ink, int width, java.util.function.IntUnaryOperator columnOfRow) {
		int count = 0;
		for (int y = 0; y < ink.length / width; y++) {
			count += ink[y * width + columnOfRow.applyAsInt(y)] ? 1 : 0;
		}
		return count;
	}
}
