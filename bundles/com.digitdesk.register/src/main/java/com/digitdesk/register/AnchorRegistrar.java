package com.digitdesk.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.registration.PageRegistrar;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.registration.RegistrationException;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.register.AffineFit.Match;

/**
 * Registers a scan on its template from the printed square marks: finds
 * each mark near its nominal place, fits an affine transform (rotation,
 * shift, scale) by least squares and reports the residual. A page with
 * fewer than three marks, marks that do not fit one transform, or a
 * transform no scanner makes (rotated or scaled too far) is refused with the
 * reason.
 */
@Component(configurationPid = RegistrationConfiguration.PID)
@Designate(ocd = RegistrationConfiguration.class)
public class AnchorRegistrar implements PageRegistrar {

	/** Shear and uneven scale a scan may show: paper feed and optics stay well under 1%. */
	static final double MAX_SHEAR = 0.01;

	private final RegistrationConfiguration configuration;

	@Activate
	public AnchorRegistrar(RegistrationConfiguration configuration) {
		this.configuration = configuration;
	}

	@Override
	public Registration register(RenderedPage page, FormTemplate template) throws RegistrationException {
		double pixelsPerPoint = page.image().width() / template.widthPoints();
		List<Match> matches = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		int squares = 0;
		for (Anchor anchor : template.anchors()) {
			if (anchor.kind() != Anchor.Kind.SQUARE_MARK) {
				continue; // only square marks are looked for so far
			}
			squares++;
			Optional<double[]> found = SquareMarkFinder.find(page.image(), anchor.box(), pixelsPerPoint);
			if (found.isPresent()) {
				matches.add(new Match(anchor.box().centerX(), anchor.box().centerY(), found.get()[0], found.get()[1]));
			} else {
				missing.add(anchor.name());
			}
		}
		if (matches.size() < 3) {
			throw new RegistrationException("found only " + matches.size() + " of " + squares
					+ " registration marks of template " + template.id() + " (missing: " + String.join(", ", missing)
					+ ")");
		}
		PageTransform transform;
		try {
			transform = AffineFit.fit(matches);
		} catch (IllegalArgumentException e) {
			throw new RegistrationException("registration marks of template " + template.id() + ": " + e.getMessage());
		}
		double residual = AffineFit.residualPoints(transform, matches);
		if (residual > configuration.maxResidualPoints() && matches.size() > 3) {
			Optional<List<Match>> consistent = withoutOneMisfit(matches);
			if (consistent.isPresent()) {
				matches = consistent.get();
				transform = AffineFit.fit(matches);
				residual = AffineFit.residualPoints(transform, matches);
			}
		}
		double rotation = transform.rotationDegrees();
		double scale = transform.scale() / pixelsPerPoint;
		if (residual > configuration.maxResidualPoints()) {
			throw new RegistrationException(String.format(
					"registration marks of template %s do not fit one transform: residual %.2f pt, more than %.2f pt",
					template.id(), residual, configuration.maxResidualPoints()));
		}
		if (Math.abs(rotation) > configuration.maxRotationDegrees() || Math.abs(scale - 1) > 0.1) {
			throw new RegistrationException(String.format(
					"the scan is rotated by %.1f degrees and scaled by %.3f against template %s: beyond what a scan does",
					rotation, scale, template.id()));
		}
		return new Registration(template.id(), transform, residual, matches.size());
	}

	/**
	 * A mark cut off at the page's edge lets the finder take other ink for
	 * it. Leaves out each mark in turn and keeps the others when they fit one
	 * transform of the kind a scanner makes: within the residual limit, or,
	 * with three marks left (which any affine transform fits), a rotation and
	 * an even scale without shear.
	 */
	private Optional<List<Match>> withoutOneMisfit(List<Match> matches) {
		List<Match> best = null;
		double bestMisfit = Double.MAX_VALUE;
		for (int out = 0; out < matches.size(); out++) {
			List<Match> others = new ArrayList<>(matches);
			others.remove(out);
			PageTransform fit;
			try {
				fit = AffineFit.fit(others);
			} catch (IllegalArgumentException e) {
				continue;
			}
			double misfit = others.size() > 3 ? AffineFit.residualPoints(fit, others) / configuration.maxResidualPoints()
					: shear(fit) / MAX_SHEAR;
			if (misfit <= 1 && misfit < bestMisfit) {
				bestMisfit = misfit;
				best = others;
			}
		}
		return Optional.ofNullable(best);
	}

	/** How far a transform is from rotation plus even scale, relative to its scale. */
	static double shear(PageTransform t) {
		return (Math.abs(t.a() - t.e()) + Math.abs(t.b() + t.d())) / t.scale();
	}
}
