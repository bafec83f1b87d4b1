package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** The four-connected regions of the pixels a predicate admits, labelled 1..n in scan order. */
final class ConnectedRegions {

	private ConnectedRegions() {
	}

	/**
	 * @param member whether pixel {@code y * width + x} belongs to some region
	 * @param labels filled with each member pixel's region id (0 elsewhere)
	 */
	static List<Region> label(int width, int height, IntPredicate member, int[] labels) {
		int[] queue = new int[width * height];
		List<Region> regions = new ArrayList<>();
		int next = 1;
		for (int start = 0; start < labels.length; start++) {
			if (labels[start] != 0 || !member.test(start)) {
				continue;
			}
			int id = next++;
			int head = 0;
			int tail = 0;
			queue[tail++] = start;
			labels[start] = id;
			int left = width;
			int top = height;
			int right = -1;
			int bottom = -1;
			while (head < tail) {
				int p = queue[head++];
				int x = p % width;
				int y = p / width;
				left = Math.min(left, x);
				right = Math.max(right, x);
				top = Math.min(top, y);
				bottom = Math.max(bottom, y);
				int[] neighbours = { x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1,
						y < height - 1 ? p + width : -1 };
				for (int n : neighbours) {
					if (n >= 0 && labels[n] == 0 && member.test(n)) {
						labels[n] = id;
						queue[tail++] = n;
					}
				}
			}
			regions.add(new Region(id, left, top, right, bottom, tail));
		}
		return regions;
	}
}
