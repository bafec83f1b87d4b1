package com.digitdesk.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;

/**
 * Draws the blank form of a template as vector graphics, in template
 * coordinates (points, y down), following the printing conventions of
 * docs/templates.md: title, registration marks, labelled field boxes, cell
 * dividers, the dollar sign and cents divider of amounts.
 */
final class FormPainter {

	private static final Color PRINT = Color.BLACK;
	private static final BasicStroke BOX_LINE = new BasicStroke(0.8f);
	private static final BasicStroke CELL_LINE = new BasicStroke(0.6f);
	private static final BasicStroke RULE_LINE = new BasicStroke(1.6f);

	private FormPainter() {
	}

	static void paint(Graphics2D g, FormTemplate template) {
		g.setColor(PRINT);
		for (Anchor anchor : template.anchors()) {
			g.fill(rect(anchor.box()));
		}
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
		g.drawString(template.title(), 60, 70);
		g.setStroke(RULE_LINE);
		g.draw(new Line2D.Double(60, 80, template.widthPoints() - 60, 80));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
		for (FieldSpec field : template.fields()) {
			paintField(g, field);
		}
	}

	private static void paintField(Graphics2D g, FieldSpec field) {
		TemplateBox box = field.box();
		g.setStroke(BOX_LINE);
		g.drawString(field.label(), (float) box.x(), (float) box.y() - 3);
		g.draw(rect(box));
		g.setStroke(CELL_LINE);
		if (field.isCellField()) {
			for (TemplateBox cell : field.cellBoxes().subList(1, field.cells())) {
				g.draw(new Line2D.Double(cell.x(), box.y(), cell.x(), box.bottom()));
			}
		} else if (field.kind() == FieldKind.AMOUNT) {
			AmountPrint print = AmountPrint.of(field);
			TemplateBox sign = print.dollarSign();
			Font saved = g.getFont();
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(box.height() * 0.5)));
			g.drawString("$", (float) (sign.x() + sign.width() * 0.25), (float) (box.y() + box.height() * 0.68));
			g.setFont(saved);
			double divider = print.centsDivider();
			g.draw(new Line2D.Double(divider, box.y() + box.height() * 0.35, divider, box.bottom()));
		}
	}

	private static Rectangle2D rect(TemplateBox box) {
		return new Rectangle2D.Double(box.x(), box.y(), box.width(), box.height());
	}
}
