/**
 * The verification window's views: a bundle contributes a view by registering a {@link VerifyView} service, and
 * every open window shows it (also when the bundle is installed while the window is open) until the service goes.
 */
@Export
@Version("1.1.0")
package com.digitdesk.verify.ui.view;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
