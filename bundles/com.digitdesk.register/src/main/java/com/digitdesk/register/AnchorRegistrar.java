package com.digitdesk.register;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.PageRegistrar;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.registration.RegistrationException;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.register.AffineFit.Match;
import com.digitdesk.register.LineFit.Axis;
import com.digitdesk.register.LineFit.Constraint;

/**
 * Registers a scan on its template from the printed anchors and fits an
 * affine transform (rotation, shift, scale) by least squares, reporting the
 * residual. A template of square marks only is registered on the marks'
 * centres; one with line anchors (long printed rules) on points found along
 * the rules, with its square marks if it has any. A page whose anchors are
 * missing or do not fit one transform, or that needs a transform no scanner
 * makes (rotated or scaled too far), is refused with the reason.
 */
@Component(configurationPid = RegistrationConfiguration.PID)
@Designate(ocd = RegistrationConfiguration.class)
public class AnchorRegistrar implements PageRegistrar {

	/** Shear and uneven scale a scan may show: paper feed and optics stay well under 1%. */
	static final double MAX_SHEAR = 0.01;

	/** Share of a line anchor's length where its rule must be found: broken and dashed rules show half or more. */
	static final double MIN_COVERAGE = 0.3;
	/** How far, in points, the fit may miss an anchor (the median of its points) for it to fit the others. */
	static final double MISFIT = 0.5;
	/** A square mark's centre weighs as much as this many points along a rule. */
	private static final double MARK_WEIGHT = 50;

	/** The rotation looked for on the rules of a template lies this close to the page's skew, in degrees. */
	static final double SKEW_WINDOW = 0.5;

	private final RegistrationConfiguration configuration;
	/**
	 * The skews of the pages read last, each found once for every template
	 * tried on it (by identification, then by the reader): the same scan is
	 * the same image object. By identity, as hashing a page's pixels costs
	 * more than it saves.
	 */
	private final Deque<Skew> skews = new ArrayDeque<>();

	private record Skew(WeakReference<GrayImage> image, double degrees) {
	}

	/** Pages whose skew is remembered: those being read at once, and then some. */
	private static final int SKEWS_KEPT = 16;

	@Activate
	public AnchorRegistrar(RegistrationConfiguration configuration) {
		this.configuration = configuration;
	}

	@Override
	public Registration register(RenderedPage page, FormTemplate template) throws RegistrationException {
		double pixelsPerPoint = page.image().width() / template.widthPoints();
		boolean lines = template.anchors().stream().anyMatch(anchor -> anchor.kind() != Anchor.Kind.SQUARE_MARK);
		Registration registration = lines ? onLines(page, template, pixelsPerPoint)
				: onMarks(page, template, pixelsPerPoint);
		double rotation = registration.transform().rotationDegrees();
		double scale = registration.transform().scale() / pixelsPerPoint;
		if (Math.abs(rotation) > configuration.maxRotationDegrees() || Math.abs(scale - 1) > 0.1) {
			throw new RegistrationException(String.format(
					"the scan is rotated by %.1f degrees and scaled by %.3f against template %s: beyond what a scan does",
					rotation, scale, template.id()));
		}
		return registration;
	}

	/** A template of square marks only: each mark's centre, an affine fit through them. */
	private Registration onMarks(RenderedPage page, FormTemplate template, double pixelsPerPoint)
			throws RegistrationException {
		List<Match> matches = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		int squares = 0;
		for (Anchor anchor : template.anchors()) {
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
		if (residual > configuration.maxResidualPoints()) {
			throw new RegistrationException(String.format(
					"registration marks of template %s do not fit one transform: residual %.2f pt, more than %.2f pt",
					template.id(), residual, configuration.maxResidualPoints()));
		}
		return new Registration(template.id(), transform, residual, matches.size());
	}

	/**
	 * A template with line anchors (and maybe square marks): a coarse
	 * alignment on all the rules at once, then each rule found along its
	 * length in a narrow band, and the inverse map fitted to every point
	 * found (a point on a horizontal rule must map to the rule's y, one on a
	 * vertical rule to its x, a mark's centre to both).
	 */
	private Registration onLines(RenderedPage page, FormTemplate template, double pixelsPerPoint)
			throws RegistrationException {
		Raster raster = new Raster(page.image());
		List<Anchor> lines = template.anchors().stream().filter(anchor -> anchor.kind() != Anchor.Kind.SQUARE_MARK)
				.toList();
		// Square marks are found near their nominal places, once for all placements tried.
		List<Constraint> marks = new ArrayList<>();
		List<String> marksMissing = new ArrayList<>();
		for (int i = 0; i < template.anchors().size(); i++) {
			Anchor anchor = template.anchors().get(i);
			if (anchor.kind() != Anchor.Kind.SQUARE_MARK) {
				continue;
			}
			Optional<double[]> found = SquareMarkFinder.find(page.image(), anchor.box(), pixelsPerPoint);
			if (found.isPresent()) {
				double[] centre = found.get();
				marks.add(new Constraint(i, Axis.X, centre[0], centre[1], anchor.box().centerX(), MARK_WEIGHT));
				marks.add(new Constraint(i, Axis.Y, centre[0], centre[1], anchor.box().centerY(), MARK_WEIGHT));
			} else {
				marksMissing.add(anchor.name());
			}
		}
		// Each coarse placement gets a closer look; the one whose rules are found best and fit wins.
		Attempt best = null;
		RegistrationException refusal = null;
		double most = configuration.maxRotationDegrees();
		double skew = skew(page, raster, most);
		for (PageTransform coarse : LineAligner.align(raster, lines, pixelsPerPoint,
				Math.max(-most, skew - SKEW_WINDOW), Math.min(most, skew + SKEW_WINDOW))) {
			try {
				Attempt attempt = attempt(raster, template, coarse, marks, marksMissing);
				if (best == null || attempt.quality() > best.quality()) {
					best = attempt;
				}
				if (attempt.registration().anchorsUsed() == template.anchors().size()) {
					break; // every anchor found and fitting: no other placement can do better
				}
			} catch (RegistrationException e) {
				if (refusal == null) {
					refusal = e;
				}
			}
		}
		if (best == null) {
			throw refusal;
		}
		return best.registration();
	}

	private double skew(RenderedPage page, Raster raster, double most) {
		synchronized (skews) {
			for (Skew known : skews) {
				if (known.image().get() == page.image()) {
					return known.degrees();
				}
			}
		}
		double degrees = PageSkew.of(raster, page.dpi() / 72.0, most);
		synchronized (skews) {
			skews.addFirst(new Skew(new WeakReference<>(page.image()), degrees));
			while (skews.size() > SKEWS_KEPT) {
				skews.removeLast();
			}
		}
		return degrees;
	}

	/**
	 * A registration and how well it is borne out: the sum over anchors of
	 * the share of each anchor's length (a mark counts whole) whose points fit it.
	 */
	private record Attempt(Registration registration, double quality) {
	}

	/** Finds each rule in a narrow band around where {@code coarse} puts it and fits the map to the points. */
	private Attempt attempt(Raster raster, FormTemplate template, PageTransform coarse, List<Constraint> marks,
			List<String> marksMissing) throws RegistrationException {
		List<Anchor> anchors = template.anchors();
		List<Constraint> constraints = new ArrayList<>(marks);
		List<String> missing = new ArrayList<>(marksMissing);
		int[] positions = new int[anchors.size()];
		for (int i = 0; i < anchors.size(); i++) {
			Anchor anchor = anchors.get(i);
			if (anchor.kind() == Anchor.Kind.SQUARE_MARK) {
				continue;
			}
			LineSampler.Found found = LineSampler.sample(raster, anchor, i, coarse);
			positions[i] = found.positions();
			if (found.coverage() < MIN_COVERAGE) {
				missing.add(anchor.name());
			} else {
				constraints.addAll(found.constraints());
			}
		}
		missing.sort(Comparator.comparingInt(name -> indexOf(anchors, name)));
		requireBothAxes(template, constraints, missing);
		LineFit.Robust fit = robustFit(template, constraints);
		// An anchor printed elsewhere than the others say shows as the one the fit misses most (by the median
		// of its points): left out, one at a time, while the rest still fix the map.
		List<String> misfits = new ArrayList<>();
		while (true) {
			int worst = -1;
			double worstOff = MISFIT;
			for (int i = 0; i < anchors.size(); i++) {
				double off = medianOff(fit, constraints, i);
				if (off > worstOff) {
					worstOff = off;
					worst = i;
				}
			}
			if (worst < 0) {
				break;
			}
			int out = worst;
			misfits.add(anchors.get(out).name());
			constraints = constraints.stream().filter(k -> k.anchor() != out).toList();
			try {
				requireBothAxes(template, constraints, misfits);
			} catch (RegistrationException e) {
				throw new RegistrationException("registration anchors of template " + template.id()
						+ " do not fit one transform (misfit: " + String.join(", ", misfits) + ")");
			}
			fit = robustFit(template, constraints);
		}
		double residual = fit.residualPoints();
		if (residual > configuration.maxResidualPoints()) {
			throw new RegistrationException(String.format(
					"registration anchors of template %s do not fit one transform: residual %.2f pt, more than %.2f pt",
					template.id(), residual, configuration.maxResidualPoints()));
		}
		PageTransform transform = fit.inverse().forward();
		if (shear(transform) > MAX_SHEAR) {
			// Anchors found close together fix the map poorly: say which were not found.
			throw new RegistrationException(String.format(
					"registration anchors of template %s fit only a sheared transform (%.1f%%)%s", template.id(),
					shear(transform) * 100, missing.isEmpty() ? ": not this form"
							: ", too few found (missing: " + String.join(", ", missing) + ")"));
		}
		double quality = 0;
		for (int i = 0; i < anchors.size(); i++) {
			int index = i;
			long kept = fit.inliers().stream().filter(k -> k.anchor() == index).count();
			quality += anchors.get(i).kind() == Anchor.Kind.SQUARE_MARK ? Math.min(1, kept)
					: (double) kept / Math.max(1, positions[i]);
		}
		int used = (int) fit.inliers().stream().mapToInt(Constraint::anchor).distinct().count();
		return new Attempt(new Registration(template.id(), transform, residual, used), quality);
	}

	/** Median distance, in points, between an anchor's points and the fitted map; 0 for an anchor not found. */
	private static double medianOff(LineFit.Robust fit, List<Constraint> constraints, int anchor) {
		double[] distances = constraints.stream().filter(k -> k.anchor() == anchor)
				.mapToDouble(k -> Math.abs(fit.inverse().residual(k))).sorted().toArray();
		return distances.length == 0 ? 0 : distances[distances.length / 2];
	}

	private static int indexOf(List<Anchor> anchors, String name) {
		for (int i = 0; i < anchors.size(); i++) {
			if (anchors.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	private static LineFit.Robust robustFit(FormTemplate template, List<Constraint> constraints)
			throws RegistrationException {
		try {
			return LineFit.fitRobust(constraints);
		} catch (IllegalArgumentException e) {
			throw new RegistrationException("registration anchors of template " + template.id() + ": " + e.getMessage());
		}
	}

	/**
	 * Two distinct horizontal places and two vertical ones fix an affine map;
	 * one on an axis still fixes a scanner's map (even scale) when the other
	 * axis has two; fewer do not.
	 */
	private static void requireBothAxes(FormTemplate template, List<Constraint> constraints, List<String> missing)
			throws RegistrationException {
		long horizontal = LineFit.distinctLines(constraints, Axis.Y);
		long vertical = LineFit.distinctLines(constraints, Axis.X);
		if (horizontal < 1 || vertical < 1 || horizontal + vertical < 3) {
			long found = constraints.stream().mapToInt(Constraint::anchor).distinct().count();
			throw new RegistrationException(String.format(
					"found only %d of %d registration anchors of template %s%s: one horizontal and one vertical "
							+ "place and a second on either axis are needed, found %d horizontal and %d vertical",
					found, template.anchors().size(), template.id(),
					missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")", horizontal, vertical));
		}
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
