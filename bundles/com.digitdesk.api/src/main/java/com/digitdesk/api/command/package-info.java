/**
 * Launcher commands: each bundle contributes its subcommands of the <code>digitdesk</code> launcher (and of the Gogo shell) as services.
 */
@Export
@Version("2.0.0")
package com.digitdesk.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
