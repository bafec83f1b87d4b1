/**
 * Digit recognition: a batch of normalized glyphs in, ranked classes with calibrated probabilities out.
 */
@Export
@Version("2.1.0")
package com.digitdesk.api.recognition;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
