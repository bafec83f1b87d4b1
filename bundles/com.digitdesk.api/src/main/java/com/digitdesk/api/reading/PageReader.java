package com.digitdesk.api.reading;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.render.RenderedPage;

/**
 * Reads one page of a form: which template it is, how it lies on the scan,
 * the glyphs of its fields and what digits they are. A page that cannot be
 * read comes back with the reason, never as an exception.
 */
@ProviderType
public interface PageReader {

	/** Resolution at which pages that are not a single scan image are rendered for reading. */
	int RENDER_DPI = 300;

	/**
	 * Reads a page: {@link #recognize recognizes} what {@link #cut} makes of it.
	 *
	 * @param pageIndex the page's 0-based index in its document, for reasons and results
	 * @throws RecognitionException when the recognizer cannot run at all
	 */
	default ReadPage read(int pageIndex, RenderedPage page) throws RecognitionException {
		return recognize(cut(pageIndex, page));
	}

	/** Identifies, registers and segments a page; recognizes nothing except to judge where to cut. */
	CutPage cut(int pageIndex, RenderedPage page);

	/**
	 * Recognizes all glyphs of a cut page in one batch, carefully (the
	 * readings are stored and may go unchecked). A page that could not be cut
	 * stays unreadable with its reason.
	 *
	 * @throws RecognitionException when the recognizer cannot run at all
	 */
	ReadPage recognize(CutPage page) throws RecognitionException;

	/**
	 * The identity of the recognizer's model that this reader reads with (as
	 * {@code RecognizerInfo.modelId()}), stored with every page it reads; empty
	 * when it cannot say.
	 *
	 * @since 1.1
	 */
	default String modelId() {
		return "";
	}
}
