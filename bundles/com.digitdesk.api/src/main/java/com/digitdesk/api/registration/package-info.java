/**
 * Page registration: the transform between template coordinates and scan pixels, with its residual.
 */
@Export
@Version("1.0.0")
package com.digitdesk.api.registration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
