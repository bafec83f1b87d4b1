package com.digitdesk.verify;

import java.time.Duration;
import java.util.List;

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
import com.digitdesk.api.verify.KeyedOutcome;
import com.digitdesk.api.verify.KeyedValue;
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

		@AttributeDefinition(description = "A verified digit whose label the reading model gave a probability "
				+ "below this is kept as a suspect training sample, used only once a second clerk confirms it or "
				+ "an admin accepts it (a slipped key, a poisoned label)")
		double suspectBelow() default 1e-4;
	}

	private final TemplateCatalog templates;
	private volatile Duration lease;
	private volatile double suspectBelow;

	@Activate
	public Desk(@Reference TemplateCatalog templates, Configuration configuration) {
		this.templates = templates;
		modified(configuration);
	}

	@Modified
	void modified(Configuration configuration) {
		lease = Duration.ofSeconds(Math.max(1, configuration.leaseSeconds()));
		suspectBelow = configuration.suspectBelow();
	}

	@Override
	public VerificationSession open(FieldReview store, String clerk) throws StoreException {
		return new ClerkSession(store, clerk, specs(), lease, suspectBelow);
	}

	@Override
	public List<KeyedOutcome> applyKeyed(FieldReview store, String clerk, List<KeyedValue> values)
			throws StoreException {
		return KeyedDecisions.apply(store, clerk, values, specs(), lease, suspectBelow);
	}

	private FieldSpecs specs() {
		return (template, field) -> templates.template(template).flatMap(t -> t.field(field));
	}

	/** A session with the default guard of training samples, for tests. */
	static VerificationSession open(FieldReview store, String clerk, Duration lease, FieldSpecs specs)
			throws StoreException {
		return new ClerkSession(store, clerk, specs, lease, 1e-4);
	}
}
