package com.digitdesk.api.segmentation;

import java.util.List;

import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.FieldSpec;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Cuts fields of a registered page into digit glyphs normalized like MNIST.
 *
 * <p>Where a field's ink does not say by its shape alone how many digits it
 * holds (a wide blob in an amount: one wide digit or touching digits, a
 * broken stroke or two digits), the segmenter asks the recognizer it is
 * given which reading is surest to be digits. Cuts then follow what that
 * recognizer reads, so a caller passes the recognizer it will read the
 * glyphs with; {@link #segmentByShape} cuts with no recognizer at all.
 */
@ProviderType
public interface FieldSegmenter {

	/**
	 * Segments the given fields of one page, in the order given. A field that
	 * cannot be cut comes back with its problems, never as an exception.
	 *
	 * @param cutJudge the recognizer that judges how wide blobs are cut (asked
	 *            carefully, a few glyphs at a time); where it cannot run, the
	 *            finest cut of the blob is taken
	 */
	List<SegmentedField> segment(RenderedPage page, Registration registration, List<FieldSpec> fields,
			DigitRecognizer cutJudge);

	/**
	 * Segments the given fields as {@link #segment} does, but cuts by the
	 * shape of the ink alone, asking no recognizer: a blob is cut into
	 * several digits only when it is much wider than a digit is high.
	 * Coarser on touching and broken digits; for callers without a
	 * recognizer.
	 */
	List<SegmentedField> segmentByShape(RenderedPage page, Registration registration, List<FieldSpec> fields);
}
