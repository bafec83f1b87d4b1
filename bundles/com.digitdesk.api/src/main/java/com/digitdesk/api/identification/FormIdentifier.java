package com.digitdesk.api.identification;

import com.digitdesk.api.render.RenderedPage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides which template a scanned page is. An unknown form is reported as
 * such, never forced onto the nearest template.
 */
@ProviderType
public interface FormIdentifier {

	Identification identify(RenderedPage page);
}
