/**
 * Page source: opens a PDF file, counts its pages and turns one page into a grayscale raster at a requested resolution.
 */
@Export
@Version("1.1.0")
package com.digitdesk.api.render;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
