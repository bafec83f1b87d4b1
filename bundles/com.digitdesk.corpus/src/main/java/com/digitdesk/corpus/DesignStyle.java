package com.digitdesk.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;

/**
 * How a design of the corpus prints its boxes: solid or dotted edges, comb
 * ticks of full or partial height between cells, an amount's {@code $}
 * inside its box, left of it or absent, its cents divider (solid or dotted,
 * at some box heights from the right edge, or none). Anchors are printed as
 * the template places them (filled squares, printed rules).
 *
 * @param dividerFromRight the cents divider's distance from an amount's right edge in box heights; NaN: none
 * @param tickShare the height of the comb ticks between cells as a share of the box height
 */
record DesignStyle(boolean dottedEdges, Sign sign, double dividerFromRight, boolean dottedDivider, double tickShare)
		implements FormStyle {

	/** Where an amount's {@code $} is printed. */
	enum Sign {
		NONE, INSIDE, OUTSIDE
	}

	/** The first designs' boxes, for templates the corpus knows no print of. */
	static final DesignStyle FIRST_DESIGN_BOXES = new DesignStyle(false, Sign.INSIDE, AmountPrint.CENTS_WIDTH, false,
			1);

	private static final BasicStroke SOLID = new BasicStroke(0.8f);
	private static final BasicStroke DOTTED = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
			new float[] { 0.9f, 1.6f }, 0);

	@Override
	public Map<String, String> values(FormTemplate template, Random random) {
		return ValueGenerator.writtenValues(template, random);
	}

	@Override
	public void paint(Graphics2D g, FormTemplate template) {
		g.setColor(Color.BLACK);
		for (Anchor anchor : template.anchors()) {
			g.fill(rect(anchor.box()));
		}
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
		g.drawString(template.title(), 60, 54);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
		for (FieldSpec field : template.fields()) {
			paintField(g, field);
		}
	}

	private void paintField(Graphics2D g, FieldSpec field) {
		TemplateBox box = field.box();
		g.drawString(field.label(), (float) box.x(), (float) box.y() - 3);
		g.setStroke(dottedEdges ? DOTTED : SOLID);
		g.draw(rect(box));
		g.setStroke(SOLID);
		if (field.isCellField()) {
			for (TemplateBox cell : field.cellBoxes().subList(1, field.cells())) {
				g.draw(new Line2D.Double(cell.x(), box.bottom() - tickShare * box.height(), cell.x(), box.bottom()));
			}
		} else if (field.kind() == FieldKind.AMOUNT) {
			double h = box.height();
			Font saved = g.getFont();
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(h * 0.5)));
			switch (sign) {
			case INSIDE -> g.drawString("$", (float) (box.x() + 0.15 * h), (float) (box.y() + h * 0.68));
			case OUTSIDE -> g.drawString("$", (float) (box.x() - 0.5 * h), (float) (box.y() + h * 0.68));
			case NONE -> {
			}
			}
			g.setFont(saved);
			OptionalDouble divider = divider(field);
			if (divider.isPresent()) {
				g.setStroke(dottedDivider ? DOTTED : SOLID);
				double x = divider.getAsDouble();
				g.draw(new Line2D.Double(x, box.y() + h * 0.35, x, box.bottom()));
				g.setStroke(SOLID);
			}
		}
	}

	/** The printed cents divider: the template's, else where this style prints it. */
	OptionalDouble divider(FieldSpec field) {
		if (field.centsDivider().isPresent() || Double.isNaN(dividerFromRight)) {
			return field.centsDivider();
		}
		return OptionalDouble.of(field.box().right() - dividerFromRight * field.box().height());
	}

	@Override
	public void fill(Graphics2D g, FormTemplate template, Map<String, String> values, Handwriting hand,
			Random random) {
		new PlainBoxFilling(this::divider, sign == Sign.INSIDE ? AmountPrint.DOLLAR_SIGN_WIDTH : 0, Map.of()).fill(g,
				template, values, hand, random);
	}

	private static Rectangle2D rect(TemplateBox box) {
		return new Rectangle2D.Double(box.x(), box.y(), box.width(), box.height());
	}
}
