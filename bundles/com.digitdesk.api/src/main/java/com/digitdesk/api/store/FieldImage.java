package com.digitdesk.api.store;

import java.util.Objects;

import com.digitdesk.api.image.PixelBox;

/**
 * A field's snippet as scanned, for the clerk's enlarged view.
 *
 * @param box the part of the page raster the snippet shows (the field's box
 *        with a margin)
 * @param png the snippet at the raster's resolution, as PNG
 */
public record FieldImage(PixelBox box, byte[] png) {

	public FieldImage {
		Objects.requireNonNull(box, "box");
		Objects.requireNonNull(png, "png");
		png = png.clone();
	}

	@Override
	public byte[] png() {
		return png.clone();
	}
}
