/**
 * The import as a service: what {@code digitdesk import} does, started from a window (File &gt; Open, a drop) or any
 * other caller, with its progress and a cancel.
 */
@Export
@Version("1.0.0")
package com.digitdesk.api.intake;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
