/**
 * Form identification: which template, if any, a scanned page is.
 */
@Export
@Version("1.0.0")
package com.digitdesk.api.identification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
