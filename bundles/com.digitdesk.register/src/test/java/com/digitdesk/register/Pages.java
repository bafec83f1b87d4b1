package com.digitdesk.register;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.TemplateBox;

/** Damage done to a scanned page. */
final class Pages {

	private Pages() {
	}

	/** The page with everything from pixel row {@code row} down white: a sheet cut short. */
	static RenderedPage whitenedBelow(RenderedPage page, int row) {
		GrayImage image = page.image();
		byte[] pixels = image.pixels();
		for (int i = row * image.width(); i < pixels.length; i++) {
			pixels[i] = (byte) GrayImage.WHITE;
		}
		return new RenderedPage(page.source(), page.pageIndex(), page.dpi(), page.widthPoints(), page.heightPoints(),
				new GrayImage(image.width(), image.height(), pixels), page.method());
	}

	/** The page with a template box (grown by {@code margin} points) painted white where {@code truth} puts it. */
	static RenderedPage erased(RenderedPage page, PageTransform truth, TemplateBox box, double margin) {
		return painted(page, truth, box, margin, GrayImage.WHITE);
	}

	/** The page with a template box (grown by {@code margin} points) painted one gray where {@code truth} puts it. */
	static RenderedPage painted(RenderedPage page, PageTransform truth, TemplateBox box, double margin, int gray) {
		GrayImage image = page.image();
		byte[] pixels = image.pixels();
		double step = 0.25 / truth.scale();
		for (double y = box.y() - margin; y <= box.bottom() + margin; y += step) {
			for (double x = box.x() - margin; x <= box.right() + margin; x += step) {
				int px = (int) Math.floor(truth.pixelX(x, y));
				int py = (int) Math.floor(truth.pixelY(x, y));
				if (px >= 0 && py >= 0 && px < image.width() && py < image.height()) {
					pixels[py * image.width() + px] = (byte) gray;
				}
			}
		}
		return new RenderedPage(page.source(), page.pageIndex(), page.dpi(), page.widthPoints(), page.heightPoints(),
				new GrayImage(image.width(), image.height(), pixels), page.method());
	}
}
