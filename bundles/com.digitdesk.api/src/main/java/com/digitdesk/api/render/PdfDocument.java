package com.digitdesk.api.render;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An opened PDF file. Not thread-safe: one thread renders its pages, then
 * closes it.
 */
@ProviderType
public interface PdfDocument extends AutoCloseable {

	/** The file this document was read from. */
	Path file();

	/** Number of pages, at least 1. */
	int pageCount();

	/**
	 * Renders one page as an 8-bit grayscale raster.
	 *
	 * @param pageIndex 0-based page index
	 * @param dpi resolution in dots per inch, 1 to {@link PageRenderer#MAX_DPI}
	 * @throws DocumentException naming the file and page when the page cannot
	 *         be rendered (damaged content, absurd page size, ...)
	 */
	RenderedPage render(int pageIndex, int dpi) throws DocumentException;

	/**
	 * The page as it was scanned: when the page is one embedded image covering
	 * it, that image at its own resolution, decoded without resampling;
	 * otherwise the page rendered at {@code fallbackDpi}. The resolution of
	 * the result is in {@link RenderedPage#dpi()}.
	 *
	 * @param pageIndex 0-based page index
	 * @param fallbackDpi resolution for pages that are not a single scan image
	 * @throws DocumentException naming the file and page when the page cannot
	 *         be read
	 */
	RenderedPage scan(int pageIndex, int fallbackDpi) throws DocumentException;

	@Override
	void close() throws DocumentException;
}
