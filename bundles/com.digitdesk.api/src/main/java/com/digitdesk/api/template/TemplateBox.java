package com.digitdesk.api.template;

/**
 * A rectangle in template coordinates: PDF points (1/72 inch) from the
 * top-left corner of the page, x to the right, y down.
 */
public record TemplateBox(double x, double y, double width, double height) {

	public TemplateBox {
		if (!(width > 0) || !(height > 0)) {
			throw new IllegalArgumentException("box size must be positive, was " + width + "x" + height);
		}
	}

	public double right() {
		return x + width;
	}

	public double bottom() {
		return y + height;
	}

	public double centerX() {
		return x + width / 2;
	}

	public double centerY() {
		return y + height / 2;
	}
}
