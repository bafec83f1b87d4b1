package com.digitdesk.verify;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.template.TemplateCatalog;
import com.digitdesk.api.verify.VerificationDesk;
import com.digitdesk.api.verify.VerificationSession;

/** Opens clerks' sessions, each field's format taken from the template catalog. */
@Component(configurationPid = Desk.PID)
@Designate(ocd = Desk.Configuration.class)
public final class Desk implements VerificationDesk {

	static final String PID = "com.digitdesk.verify";

	@ObjectClassDefinition(name = "DigitDesk verification", description = "How clerks' workstations share the "
			+ "review queue")
	public @interface Configuration {
		@AttributeDefinition(description = "Seconds a field shown to a clerk stays theirs unless renewed (the "
				+ "window renews it every third of that): how long another clerk waits for the fields of a "
				+ "workstation that died")
		int leaseSeconds() default 60;
	}

	private final TemplateCatalog templates;
	private volatile Duration lease;

	@Activate
	public Desk(@Reference TemplateCatalog templates, Configuration configuration) {
		this.templates = templates;
		modified(configuration);
	}

	@Modified
	void modified(Configuration configuration) {
		lease = Duration.ofSeconds(Math.max(1, configuration.leaseSeconds()));
	}

	@Override
	public VerificationSession open(FieldReview store, String clerk) throws StoreException {
		return open(store, clerk, lease, (template, field) -> templates.template(template).flatMap(t -> t.field(field)));
	}

	static VerificationSession open(FieldReview store, String clerk, Duration lease, FieldSpecs specs)
			throws StoreException {
		return new ClerkSession(store, clerk, specs, lease);
	}
}
