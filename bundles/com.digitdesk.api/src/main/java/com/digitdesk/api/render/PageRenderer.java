package com.digitdesk.api.render;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens PDF files for rendering. Implementations decide how a page becomes a
 * raster (rendering the page, or reading the one embedded scan image when
 * that is exact): callers only ask for a page at a resolution.
 *
 * <p>A renderer is safe to use from several threads; each opened
 * {@link PdfDocument} belongs to the thread that opened it.
 */
@ProviderType
public interface PageRenderer {

	/** Resolutions are refused above this value: a page of a tax form never needs more. */
	int MAX_DPI = 1200;

	/**
	 * Opens a PDF file.
	 *
	 * @throws DocumentException naming the file when it is missing, not a PDF,
	 *         damaged, encrypted or without pages
	 */
	PdfDocument open(Path pdf) throws DocumentException;
}
