package com.digitdesk.api.store;

import java.util.Map;
import java.util.Objects;

/**
 * A page as scanned, kept in the store with its fields so that a clerk on
 * another workstation, where the PDF's path does not exist, sees the page and
 * every field's snippet.
 *
 * @param rasterWidth width of the page raster the fields' boxes are on
 * @param rasterHeight its height
 * @param png the page, reduced to a size for viewing, as PNG; boxes scale by
 *        its width over {@code rasterWidth}
 * @param fields each field's snippet by field name
 */
public record PageScan(int rasterWidth, int rasterHeight, byte[] png, Map<String, FieldImage> fields) {

	public PageScan {
		Objects.requireNonNull(png, "png");
		if (rasterWidth < 1 || rasterHeight < 1) {
			throw new IllegalArgumentException("raster size must be positive, was " + rasterWidth + "x" + rasterHeight);
		}
		png = png.clone();
		fields = Map.copyOf(fields);
	}

	@Override
	public byte[] png() {
		return png.clone();
	}
}
