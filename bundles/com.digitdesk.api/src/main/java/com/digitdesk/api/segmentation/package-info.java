/**
 * Field segmentation: from a registered page and a field of its template to the ordered digit glyphs of that field.
 */
@Export
@Version("2.2.0")
package com.digitdesk.api.segmentation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
