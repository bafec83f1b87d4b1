/**
 * Reading a page: the one service that chains identification, registration, segmentation and recognition, and
 * the page it returns with its glyphs and readings. The importer, the studies, the verification window and the
 * HTTP API read pages through it.
 */
@Export
@Version("1.1.0")
package com.digitdesk.api.reading;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
