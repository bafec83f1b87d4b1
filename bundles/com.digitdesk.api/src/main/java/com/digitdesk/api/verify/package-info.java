/**
 * Verification: a clerk's session over the review queue of a store, with the keys a clerk types, the decisions
 * they make and what the window shows of the current field. No user-interface types: a window draws what a session
 * holds and forwards its keys.
 */
@Export
@Version("1.1.0")
package com.digitdesk.api.verify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
