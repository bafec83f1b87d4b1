/**
 * Routing: the rules that decide, for every field read, whether it is auto-accepted or waits for a clerk, and why.
 */
@Export
@Version("1.0.0")
package com.digitdesk.api.routing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
