package com.digitdesk.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.digitdesk.segment.InkComponents.Component;

/** Which pieces of ink join into strokes and which stay apart as written points and dashes. */
class WrittenMarksTest {

	/** A 2 as scanned at 200 dpi, with a point written low two pixels before it (the ink of "6.28"). */
	private static final String[] POINT_BEFORE_A_2 = {
			"......#####.",
			".....##...##",
			"..........##",
			".........##.",
			"........##..",
			".......##...",
			"......##....",
			".....##.....",
			"....##......",
			"##..#######.",
			"##..........", };

	@Test
	void aPointWrittenTwoPixelsBeforeADigitStaysApartFromIt() {
		List<Component> components = components(POINT_BEFORE_A_2);

		assertThat(components).hasSize(2);
		assertThat(components).anySatisfy(point -> {
			assertThat(point.ink).isEqualTo(4);
			assertThat(point.minX).isEqualTo(0);
		});
	}

	@Test
	void aStrokeBrokenByOnePixelIsOneComponent() {
		// The same 2 with its foot broken off one pixel from the curve: one stroke.
		String[] broken = POINT_BEFORE_A_2.clone();
		broken[9] = "......#####.";
		broken[10] = "............";
		broken[8] = "...##.......";
		assertThat(components(broken)).hasSize(1);
	}

	@Test
	void aDashWrittenCloseToADigitStaysApartAndAHighPieceDoesNot() {
		String[] dashBefore = {
				"..........##",
				".........###",
				"........#.##",
				"..........##",
				".#####....##",
				"..........##",
				"..........##",
				"..........##",
				"..........##", };
		assertThat(components(dashBefore)).hasSize(2);
		// A short flat piece at the top beside a digit is rather part of it (the flag of a 5): it stays joined.
		String[] flag = dashBefore.clone();
		flag[4] = "..........##";
		flag[0] = ".#####....##";
		assertThat(components(flag)).hasSize(1);
	}

	private static List<Component> components(String[] rows) {
		int width = rows[0].length();
		int height = rows.length;
		byte[] mask = new byte[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				mask[y * width + x] = (byte) (rows[y].charAt(x) == '#' ? 1 : 0);
			}
		}
		return WrittenMarks.components(mask, width, height, new int[mask.length], 2, 14);
	}
}
