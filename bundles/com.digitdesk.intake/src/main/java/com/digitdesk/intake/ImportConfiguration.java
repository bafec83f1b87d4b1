package com.digitdesk.intake;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DigitDesk import", description = "How the import job reads an archive: workers, and "
		+ "how it shares a store with other importers")
public @interface ImportConfiguration {

	String PID = "com.digitdesk.import";

	@AttributeDefinition(description = "Parallel import workers; 0 means one per core")
	int threads() default 0;

	@AttributeDefinition(description = "Seconds an importer's claim on a file lasts unless renewed (it renews it "
			+ "every third of that while it lives): how long the other importers of a shared store wait before they "
			+ "take over the files of an importer that died")
	int leaseSeconds() default 60;

	@AttributeDefinition(description = "Seconds to wait for a file that is still being written (it changed in the "
			+ "last two seconds) before it is quarantined as incomplete")
	int settleSeconds() default 10;

	@AttributeDefinition(description = "Keep each page's scan and the snippets of its fields that wait for a clerk "
			+ "in the store, so that clerks on any workstation sharing it see them (about 0.3 MB a page)")
	boolean keepScans() default true;
}
