package com.digitdesk.api.render;

import java.nio.file.Path;
import java.util.Objects;

import com.digitdesk.api.image.GrayImage;

/**
 * One page of a PDF file as a grayscale raster.
 *
 * @param source the PDF file
 * @param pageIndex 0-based page index
 * @param dpi resolution of {@code image}
 * @param widthPoints page width in PDF points (1/72 inch)
 * @param heightPoints page height in PDF points
 * @param image the page raster
 * @param method how the raster was obtained
 */
public record RenderedPage(Path source, int pageIndex, int dpi, double widthPoints, double heightPoints,
		GrayImage image, RenderMethod method) {

	public RenderedPage {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(method, "method");
		if (pageIndex < 0) {
			throw new IllegalArgumentException("page index must not be negative: " + pageIndex);
		}
		if (dpi < 1) {
			throw new IllegalArgumentException("dpi must be positive: " + dpi);
		}
	}

	/** Pixels per PDF point of {@link #image()}. */
	public double pixelsPerPoint() {
		return dpi / 72.0;
	}

	/** How a page raster was obtained. */
	public enum RenderMethod {
		/** The page's only image, covering the whole page, decoded as it is. */
		EMBEDDED_IMAGE,
		/** The page content drawn by the renderer. */
		RENDERED
	}
}
