/**
 * Results store: documents, pages, fields and digits with their confidence and status, the review queue, clerks'
 * corrections, and the claims by which several importers share the work of one store.
 */
@Export
@Version("1.6.0")
package com.digitdesk.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
