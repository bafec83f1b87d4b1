package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Connected components (8-neighbourhood) of the ink in a rectangular mask:
 * specks, strokes, marks. One pass with an explicit stack, no recursion.
 */
final class InkComponents {

	/** One component: bounding box (inclusive), pixel count and centroid sums. */
	static final class Component {
		int minX = Integer.MAX_VALUE;
		int minY = Integer.MAX_VALUE;
		int maxX = -1;
		int maxY = -1;
		int count;
		/** Ink pixels, where the component was found on a grown mask; else {@link #count}. */
		int ink;
		long sumX;
		long sumY;
		final int label;

		Component(int label) {
			this.label = label;
		}

		int width() {
			return maxX - minX + 1;
		}

		int height() {
			return maxY - minY + 1;
		}

		double centerX() {
			return (double) sumX / count + 0.5;
		}

		double centerY() {
			return (double) sumY / count + 0.5;
		}

		void add(int x, int y) {
			minX = Math.min(minX, x);
			minY = Math.min(minY, y);
			maxX = Math.max(maxX, x);
			maxY = Math.max(maxY, y);
			count++;
			sumX += x;
			sumY += y;
		}
	}

	private InkComponents() {
	}

	/**
	 * @param ink row-major mask, non-zero = ink
	 * @param labels receives each pixel's component label (1-based; 0 = no ink); may be null
	 */
	static List<Component> find(byte[] ink, int width, int height, int[] labels) {
		int[] label = labels != null ? labels : new int[width * height];
		List<Component> components = new ArrayList<>();
		int[] stack = new int[Math.max(16, width * height)];
		for (int start = 0; start < ink.length; start++) {
			if (ink[start] == 0 || label[start] != 0) {
				continue;
			}
			Component component = new Component(components.size() + 1);
			components.add(component);
			int top = 0;
			stack[top++] = start;
			label[start] = component.label;
			while (top > 0) {
				int p = stack[--top];
				int x = p % width;
				int y = p / width;
				component.add(x, y);
				for (int dy = -1; dy <= 1; dy++) {
					int ny = y + dy;
					if (ny < 0 || ny >= height) {
						continue;
					}
					for (int dx = -1; dx <= 1; dx++) {
						int nx = x + dx;
						if (nx < 0 || nx >= width) {
							continue;
						}
						int q = ny * width + nx;
						if (ink[q] != 0 && label[q] == 0) {
							label[q] = component.label;
							stack[top++] = q;
						}
					}
				}
			}
		}
		for (Component component : components) {
			component.ink = component.count;
		}
		return components;
	}
}
