/**
 * Form templates: the layout of a known form (page size, registration anchors, fields, validation rules) and the catalog they are loaded from.
 */
@Export
@Version("3.1.0")
package com.digitdesk.api.template;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
