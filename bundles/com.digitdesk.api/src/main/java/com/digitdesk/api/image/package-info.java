/**
 * Raster images passed between pipeline stages: 8-bit grayscale pages and pixel boxes.
 */
@Export
@Version("1.2.0")
package com.digitdesk.api.image;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
