package com.digitdesk.api.registration;

import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.FormTemplate;

import org.osgi.annotation.versioning.ProviderType;

/** Estimates how a scan is skewed, shifted and scaled against its template. */
@ProviderType
public interface PageRegistrar {

	/**
	 * @throws RegistrationException with the reason when too few anchors are
	 *         found or they do not fit one transform
	 */
	Registration register(RenderedPage page, FormTemplate template) throws RegistrationException;
}
