package com.digitdesk.api.segmentation;

import java.util.List;

import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.FieldSpec;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Cuts fields of a registered page into digit glyphs normalized like MNIST.
 */
@ProviderType
public interface FieldSegmenter {

	/**
	 * Segments the given fields of one page, in the order given. A field that
	 * cannot be cut comes back with its problems, never as an exception.
	 */
	List<SegmentedField> segment(RenderedPage page, Registration registration, List<FieldSpec> fields);
}
