package com.digitdesk.identify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.identification.FormIdentifier;
import com.digitdesk.api.identification.Identification;
import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.PageRegistrar;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.registration.RegistrationException;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;

/**
 * Identifies a page by its layout: registers it on every known template and
 * checks that the template's printed lines (field boxes, and the rules of
 * its line anchors) are where the registration puts them. The best template wins if it matches well enough and clearly
 * better than the runner-up; otherwise the page is an unknown form.
 */
@Component(configurationPid = IdentificationConfiguration.PID)
@Designate(ocd = IdentificationConfiguration.class)
public class LayoutIdentifier implements FormIdentifier {

	private final TemplateCatalog catalog;
	private final PageRegistrar registrar;
	private final IdentificationConfiguration configuration;

	private record Candidate(FormTemplate template, double score, String found) {
	}

	@Activate
	public LayoutIdentifier(@Reference TemplateCatalog catalog, @Reference PageRegistrar registrar,
			IdentificationConfiguration configuration) {
		this.catalog = catalog;
		this.registrar = registrar;
		this.configuration = configuration;
	}

	@Override
	public Identification identify(RenderedPage page) {
		GrayImage image = page.image();
		List<Candidate> candidates = new ArrayList<>();
		List<String> unregistered = new ArrayList<>();
		for (FormTemplate template : catalog.templates()) {
			try {
				Registration registration = registrar.register(page, template);
				LayoutMatcher.Match match = LayoutMatcher.match(image, registration.transform(), template);
				candidates.add(new Candidate(template, match.score(), match.found()));
			} catch (RegistrationException e) {
				unregistered.add(e.getMessage());
			}
		}
		if (candidates.isEmpty()) {
			String why = unregistered.isEmpty() ? "no templates are loaded" : String.join("; ", unregistered);
			return Identification.unknown(blank(image) ? "the page is blank" : "no known form: " + why);
		}
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
		Candidate best = candidates.get(0);
		double runnerUp = candidates.size() > 1 ? candidates.get(1).score() : 0;
		String evidence = describe(candidates);
		if (best.score() < configuration.minLayoutMatch() || best.score() - runnerUp < configuration.minMargin()) {
			return Identification.unknown("no known form: " + evidence);
		}
		return Identification.known(best.template().id(), best.score(), evidence);
	}

	private static String describe(List<Candidate> candidates) {
		List<String> parts = new ArrayList<>();
		for (Candidate candidate : candidates) {
			parts.add(String.format("%s %.0f%% (%s)", candidate.template().id(), candidate.score() * 100,
					candidate.found()));
		}
		return "printed lines found: " + String.join("; ", parts);
	}

	/** A page with next to no ink: a blank sheet, maybe with a few specks. */
	private static boolean blank(GrayImage page) {
		int ink = 0;
		int samples = 0;
		for (int y = 0; y < page.height(); y += 4) {
			for (int x = 0; x < page.width(); x += 4) {
				samples++;
				if (page.isInk(x, y)) {
					ink++;
				}
			}
		}
		return ink < samples * 0.001;
	}
}
