/**
 * Training data: labelled 28x28 digit samples, from MNIST or from clerks' corrections.
 */
@Export
@Version("1.1.0")
package com.digitdesk.api.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
