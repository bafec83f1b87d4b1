/**
 * Printed text: reading the printed words in an area of a rendered page (a form's labels).
 */
@Export
@Version("1.0.0")
package com.digitdesk.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
