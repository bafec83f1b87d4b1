/**
 * Results store: documents, pages, fields and digits with their confidence and status, the review queue, and clerks' corrections.
 */
@Export
@Version("1.1.0")
package com.digitdesk.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
