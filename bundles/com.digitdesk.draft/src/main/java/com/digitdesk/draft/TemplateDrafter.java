package com.digitdesk.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.TemplateBox;

/**
 * Proposes a template from one rendered page: its rules, the cells they
 * enclose, the boxes among them in reading order (rows from the top, left to
 * right in a row) and what to align on.
 */
final class TemplateDrafter {

	/** Reads the printed text in an area of the page (template points); "" when there is none. */
	@FunctionalInterface
	interface LabelReader {

		LabelReader NONE = area -> "";

		String read(TemplateBox area) throws Exception;
	}

	/** Shortest rules, points: cell edges are seldom shorter, dashes and letter strokes seldom longer. */
	private static final double MIN_HORIZONTAL = 12;
	private static final double MIN_VERTICAL = 8;
	/** Thickest rule, points: thicker strokes are marks or bold type. */
	private static final double MAX_THICKNESS = 2.5;
	/** How far left of a box its label is looked for when it is not printed inside the cell, points. */
	private static final double LABEL_REACH = 450;
	/** A label left of its box is at least this wide, points: a narrower cell holds a line number only. */
	private static final double MIN_LEFT_LABEL = 40;

	private TemplateDrafter() {
	}

	static TemplateDraft draft(RenderedPage page, String id, String title, LabelReader labels) throws Exception {
		double scale = page.pixelsPerPoint();
		GrayImage image = page.image();
		int thickness = (int) Math.ceil(MAX_THICKNESS * scale);
		List<Rule> rules = new ArrayList<>(
				RuleFinder.find(image, true, (int) Math.round(MIN_HORIZONTAL * scale), thickness));
		rules.addAll(RuleFinder.find(image, false, (int) Math.round(MIN_VERTICAL * scale), thickness));
		CellFinder cells = CellFinder.find(image, rules, (int) Math.ceil(scale), (int) Math.ceil(2 * scale),
				(int) Math.round(60 * scale), (int) Math.round(100 * scale), (int) Math.round(4 * scale));
		List<DraftField> fields = readingOrder(FieldProposer.propose(image, scale, cells, rules));
		List<DraftAnchor> anchors = AnchorChooser.choose(rules, SquareMarks.find(image, scale), scale,
				page.widthPoints(), page.heightPoints());
		List<String> texts = new ArrayList<>();
		for (DraftField field : fields) {
			texts.add(label(field, fields, rules, image, scale, labels));
		}
		return new TemplateDraft(id, title, page.widthPoints(), page.heightPoints(), anchors, fields, texts);
	}

	/** Rows from the top (a box joins a row when it starts in the upper half of the row's first box), then x. */
	static List<DraftField> readingOrder(List<DraftField> fields) {
		List<DraftField> byTop = new ArrayList<>(fields);
		byTop.sort(Comparator.comparingDouble((DraftField f) -> f.box().y()).thenComparingDouble(f -> f.box().x()));
		List<DraftField> ordered = new ArrayList<>();
		int start = 0;
		while (start < byTop.size()) {
			TemplateBox first = byTop.get(start).box();
			int end = start + 1;
			while (end < byTop.size() && byTop.get(end).box().y() < first.y() + first.height() / 2) {
				end++;
			}
			List<DraftField> row = new ArrayList<>(byTop.subList(start, end));
			row.sort(Comparator.comparingDouble(f -> f.box().x()));
			ordered.addAll(row);
			start = end;
		}
		return ordered;
	}

	/**
	 * The label printed inside the cell above the box, else on the box's line
	 * to its left (from the nearest rule or box at least {@value #MIN_LEFT_LABEL}
	 * points to the left, up to the dot leaders), else just above it.
	 */
	private static String label(DraftField field, List<DraftField> fields, List<Rule> rules, GrayImage image,
			double scale, LabelReader reader) throws Exception {
		TemplateBox box = field.box();
		if (field.labelInside().isPresent()) {
			String text = clean(reader.read(field.labelInside().get()));
			if (!text.isEmpty()) {
				return text;
			}
		}
		double middle = box.centerY();
		double left = Math.max(0, box.x() - LABEL_REACH);
		for (Rule rule : rules) {
			double x = (rule.bottom() + 1) / scale;
			if (!rule.horizontal() && rule.from() / scale <= middle && rule.to() / scale >= middle
					&& x < box.x() - MIN_LEFT_LABEL) {
				left = Math.max(left, x);
			}
		}
		for (DraftField other : fields) {
			if (other.box().y() <= middle && other.box().bottom() >= middle
					&& other.box().right() < box.x() - MIN_LEFT_LABEL) {
				left = Math.max(left, other.box().right());
			}
		}
		double right = LabelArea.beforeLeaders(image, scale, left, box.y(), box.x() - 1, box.bottom());
		if (right - left > 4) {
			String text = clean(reader.read(new TemplateBox(left, box.y(), right - left, box.height())));
			if (!text.isEmpty()) {
				return text;
			}
		}
		double top = Math.max(0, box.y() - 12);
		return box.y() - top > 4 ? clean(reader.read(new TemplateBox(box.x(), top, box.width(), box.y() - top))) : "";
	}

	/** One line, without dot leaders and stray marks at the ends. */
	static String clean(String text) {
		String line = text.replaceAll("\\s+", " ").replaceAll("(\\s?\\.){3,}", " ").replaceAll("\\s+", " ").trim();
		return line.replaceAll("^[^\\p{Alnum}(]+|[^\\p{Alnum})]+$", "");
	}
}
