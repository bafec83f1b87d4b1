/**
 * Training data and evaluation: labelled 28x28 digit samples, from MNIST or from
 * clerks' corrections, and what a recognizer tells about itself to be measured.
 */
@Export
@Version("2.2.0")
package com.digitdesk.api.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
