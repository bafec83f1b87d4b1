/**
 * The runtime's data directory: where the embedded results store, the sample archive and other local data live.
 */
@Export
@Version("1.0.0")
package com.digitdesk.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
