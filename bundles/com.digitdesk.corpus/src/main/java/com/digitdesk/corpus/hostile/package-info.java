/**
 * A corpus of hostile files (PDF files that make PDFBox overflow its stack,
 * exhaust memory or render forever, and files that are no PDF at all), each
 * with the outcome an import that survives any file ends it with.
 */
@Export
@Version("1.0.0")
package com.digitdesk.corpus.hostile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
