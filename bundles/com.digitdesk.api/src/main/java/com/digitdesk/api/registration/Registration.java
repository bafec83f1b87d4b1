package com.digitdesk.api.registration;

import java.util.Objects;

/**
 * A page aligned on its template.
 *
 * @param templateId the template registered against
 * @param transform template points to scan pixels
 * @param residualPoints root-mean-square distance, in points, between the
 *        anchors found on the scan and where the transform puts them
 * @param anchorsUsed how many anchors were found and used
 */
public record Registration(String templateId, PageTransform transform, double residualPoints, int anchorsUsed) {

	public Registration {
		Objects.requireNonNull(templateId, "templateId");
		Objects.requireNonNull(transform, "transform");
		if (residualPoints < 0) {
			throw new IllegalArgumentException("residual must not be negative");
		}
	}
}
