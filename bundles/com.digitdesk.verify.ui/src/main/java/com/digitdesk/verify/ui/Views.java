package com.digitdesk.verify.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.digitdesk.verify.ui.view.VerifyView;

/**
 * Every view service there is, in folder and order, told to the open windows
 * as views come and go: a bundle installed while a window is open adds its
 * view to it, and takes it away when stopped.
 */
@Component(service = Views.class)
public final class Views {

	/** A view with where it goes. */
	record Placed(VerifyView view, String place, int order) {
	}

	/** An open window. */
	interface Listener {
		void added(Placed view);

		void removed(Placed view);
	}

	private final List<Placed> views = new CopyOnWriteArrayList<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addView(VerifyView view, Map<String, Object> properties) {
		Object place = properties.get(VerifyView.PLACE);
		Object order = properties.get(VerifyView.ORDER);
		Placed placed = new Placed(view, place == null ? "bottom" : place.toString(),
				order instanceof Number number ? number.intValue() : 100);
		views.add(placed);
		listeners.forEach(l -> l.added(placed));
	}

	void removeView(VerifyView view) {
		for (Placed placed : views) {
			if (placed.view() == view) {
				views.remove(placed);
				listeners.forEach(l -> l.removed(placed));
			}
		}
	}

	/** The views now, by order; then tells {@code listener} of every change until it is removed. */
	List<Placed> watch(Listener listener) {
		listeners.add(listener);
		List<Placed> now = new ArrayList<>(views);
		now.sort(Comparator.comparingInt(Placed::order));
		return now;
	}

	void unwatch(Listener listener) {
		listeners.remove(listener);
	}
}
