package com.digitdesk.api.text;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.TemplateBox;

/**
 * Reads printed text (typeset words, not handwriting) in an area of a
 * rendered page, such as the label printed beside a form's box. Safe to use
 * from several threads.
 */
@ProviderType
public interface PrintedTextReader {

	/**
	 * @param page the rendered page
	 * @param area where to read, in PDF points from the page's top-left corner
	 *        (y down); clipped to the page
	 * @return the text read, lines separated by {@code \n}; "" when there is none
	 * @throws RecognitionException when the reader cannot run (its engine or
	 *         language data missing)
	 */
	String read(RenderedPage page, TemplateBox area) throws RecognitionException;
}
