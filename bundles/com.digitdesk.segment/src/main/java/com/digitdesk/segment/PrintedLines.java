package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

import com.digitdesk.api.template.TemplateBox;

/**
 * Finds the printed lines in and around a field and removes them, as form
 * readers have done since NIST's form-based handprint recognition system:
 * box edges and rules, comb and cell lines, ticks, cents dividers, solid or
 * dotted, wherever they are printed. A printed line is thin, straight along
 * the registered raster's rows or columns, and long relative to the box
 * (across it, or a tick standing on one of its edges); handwriting is not.
 * Where a pen stroke crosses a line, the ink on the line that continues on
 * both sides of it is kept.
 */
final class PrintedLines {

	/** The thickest printed line, blur included, in points. */
	static final double MAX_THICKNESS = 1.6;
	/** The widest gap between the dots or dashes of one line, in points. */
	static final double DOT_GAP = 3.0;
	/** A dotted line has at least this share of its length inked (a form's sparse dots, a quarter)... */
	static final double MIN_COVER = 0.25;
	/**
	 * ...but in a digit string written freely, where any dotted line counts
	 * as print, at least this share: pen strokes in a column of digits make
	 * chains as sparse as a quarter, which must not be erased from the digits.
	 */
	static final double MIN_FREE_COVER = 0.4;
	/** A rule along the box is at least this share of the box's width long... */
	static final double RULE_LENGTH = 0.7;
	/** ...and lies within this share of the box height of its top or bottom edge. */
	static final double RULE_REACH = 0.3;
	/** A line across the box standing alone is at least this share of the box height long (digits are about 0.6). */
	static final double FULL_LINE = 0.8;
	/** A comb has at least this many ticks... */
	static final int COMB = 3;
	/** ...that differ in length by at most this share. */
	static final double SAME_TICK = 0.1;
	/** A line inked along less than this share of its length is dotted or dashed... */
	static final double SOLID = 0.85;
	/** ...when it has at least this many dots or dashes. */
	static final int DOTS = 3;
	/** A tick standing on a rule is at least this share of the box height long. */
	static final double TICK = 0.2;
	/** A line across the box is at most this many times as wide as the box's rules (and half a pixel of blur). */
	static final double PRINT_WIDTH_SLACK = 1.35;

	/**
	 * One printed line, in raster pixels: {@code across0..across1} its
	 * thickness (columns of a vertical line, rows of a horizontal one),
	 * {@code along0..along1} its extent, all inclusive; {@code cover} the
	 * share of its columns' (rows') length in thin ink (print's), {@code
	 * runs} the runs of ink along it (in any of its columns or rows).
	 */
	record Line(boolean vertical, int across0, int across1, int along0, int along1, double cover, int runs) {

		/**
		 * Dots or dashes: thin ink along less than {@link #SOLID} of its
		 * length, in {@value #DOTS} runs at least across its whole width. A
		 * pen stroke is no dotted line for the gaps its slant leaves in each
		 * column, where a heavy bar crosses it (a 4's stem), or before a
		 * rule it ends near: its ink runs on.
		 */
		boolean dotted() {
			return cover < SOLID && runs >= DOTS;
		}

		double center() {
			return (across0 + across1 + 1) / 2.0;
		}

		int length() {
			return along1 - along0 + 1;
		}
	}

	/** A run of a dotted or solid line in one column (or row): from, to (inclusive), inked pixels. */
	private record Chain(int from, int to, int inked) {
	}

	/** What was found: the horizontal rules, then the vertical lines, left to right. */
	record Print(List<Line> horizontals, List<Line> verticals) {
	}

	private final FieldRaster raster;
	private final byte[] mask;
	private final int thick;
	private final int gap;

	private PrintedLines(FieldRaster raster) {
		this.raster = raster;
		this.mask = raster.mask();
		this.thick = Math.max(3, (int) Math.round(MAX_THICKNESS * raster.pixelsPerPoint));
		this.gap = Math.max(2, (int) Math.round(DOT_GAP * raster.pixelsPerPoint));
	}

	/**
	 * Finds the printed lines around and in {@code box} (template points) and
	 * erases them from the raster.
	 */
	static Print remove(FieldRaster raster, TemplateBox box) {
		return remove(raster, box, x -> true, true);
	}

	/**
	 * Like {@link #remove(FieldRaster, TemplateBox)}, but of the vertical
	 * lines inside the box only those at places {@code innerPrint} accepts
	 * (raster pixels) count as print; the box's own edges always do.
	 *
	 * @param solidTicks whether a solid line inside the box shorter than the box is high counts as print (a
	 *            cents divider, a comb tick); where digits are written freely without cells, only dotted
	 *            dividers and lines across the whole box do: a pen's 1 resting on a rule is solid
	 */
	static Print remove(FieldRaster raster, TemplateBox box, DoublePredicate innerPrint, boolean solidTicks) {
		PrintedLines lines = new PrintedLines(raster);
		Print found = lines.find(box);
		double reach = FieldInk.EDGE_REACH * raster.pixelsPerPoint;
		double left = raster.toX(box.x()) + reach;
		double right = raster.toX(box.right()) - reach;
		List<Line> verticals = new ArrayList<>();
		for (Line line : found.verticals()) {
			boolean inner = line.center() > left && line.center() < right;
			if (!solidTicks && line.cover() < MIN_FREE_COVER) {
				continue;
			}
			boolean kind = solidTicks || line.dotted() || line.length() >= FULL_LINE * box.height() * raster.pixelsPerPoint
					|| comb(line, found.verticals(), left, right);
			if (!inner || innerPrint.test(line.center()) && kind) {
				verticals.add(line);
			}
		}
		List<Line> horizontals = found.horizontals().stream()
				.filter(line -> solidTicks || line.cover() >= MIN_FREE_COVER).toList();
		Print print = new Print(horizontals, verticals);
		lines.erase(print);
		return print;
	}

	/**
	 * Whether a solid tick is one of a comb's: at least {@value #COMB} ticks
	 * of about its length inside the box (a pen's 1s vary in length, and are
	 * rarely that many).
	 */
	private static boolean comb(Line tick, List<Line> verticals, double left, double right) {
		long like = verticals.stream().filter(v -> v.center() > left && v.center() < right && !v.dotted()
				&& Math.abs(v.length() - tick.length()) <= SAME_TICK * tick.length()).count();
		return like >= COMB;
	}

	/** The lines printed in and around {@code box}, the raster left as it is. */
	static Print find(FieldRaster raster, TemplateBox box) {
		return new PrintedLines(raster).find(box);
	}

	private Print find(TemplateBox box) {
		int boxWidth = (int) Math.round(box.width() * raster.pixelsPerPoint);
		int boxHeight = (int) Math.round(box.height() * raster.pixelsPerPoint);
		int top = raster.toY(box.y());
		int bottom = raster.toY(box.bottom());
		int reach = (int) Math.round(RULE_REACH * boxHeight);
		// Rules along the box: long, near its top or bottom edge.
		List<Line> horizontals = new ArrayList<>();
		for (Line line : lines(false, RULE_LENGTH * boxWidth, List.of())) {
			double y = line.center();
			if (y <= top + reach || y >= bottom - reach) {
				horizontals.add(line);
			}
		}
		// Lines across the box: long, or standing on a rule (a tick, a cents divider), and printed as thin as
		// the box's rules are: a pen's stroke (a written 1 resting on the rule) is thicker than print. A line
		// running past the box's top and bottom edges is print however thick (a form's column rule): no
		// written digit spans its box.
		double widest = horizontals.isEmpty() ? Double.MAX_VALUE : PRINT_WIDTH_SLACK * meanWidth(horizontals) + 0.5;
		List<Line> verticals = new ArrayList<>();
		for (Line line : lines(true, TICK * boxHeight, horizontals)) {
			boolean spansBox = line.along0() <= top && line.along1() >= bottom;
			if ((line.length() >= FULL_LINE * boxHeight || standsOnRule(line, horizontals))
					&& (spansBox || meanWidth(line) <= widest)) {
				verticals.add(line);
			}
		}
		return new Print(horizontals, verticals);
	}

	/** The mean width of the rules' ink across their direction, in pixels. */
	private double meanWidth(List<Line> rules) {
		double sum = 0;
		for (Line rule : rules) {
			sum += meanWidth(rule);
		}
		return sum / rules.size();
	}

	/**
	 * How wide a line's ink is across it, in pixels, on average along its
	 * inked length: the run of ink through its centre, where that run is no
	 * thicker than print (not where a pen stroke crosses it).
	 */
	private double meanWidth(Line line) {
		int center = (int) line.center();
		long sum = 0;
		int count = 0;
		for (int s = line.along0(); s <= line.along1(); s++) {
			int x = line.vertical() ? center : s;
			int y = line.vertical() ? s : center;
			if (!ink(x, y)) {
				continue;
			}
			int dx = line.vertical() ? 1 : 0;
			int dy = line.vertical() ? 0 : 1;
			int run = 1;
			for (int k = 1; run <= thick && ink(x - k * dx, y - k * dy); k++) {
				run++;
			}
			for (int k = 1; run <= thick && ink(x + k * dx, y + k * dy); k++) {
				run++;
			}
			if (run <= thick) {
				sum += run;
				count++;
			}
		}
		return count == 0 ? 0 : (double) sum / count;
	}

	/**
	 * Whether a tick stands on a rule: it touches it (within a line's
	 * thickness: blur, its last dot), or a pen stroke covers the rest of the
	 * way. A written 1 ending near a rule does neither.
	 */
	private boolean standsOnRule(Line tick, List<Line> rules) {
		for (Line rule : rules) {
			if (rule.along0() > tick.across1() + thick || rule.along1() < tick.across0() - thick) {
				continue;
			}
			int below = rule.across0() - tick.along1() - 1;
			int above = tick.along0() - rule.across1() - 1;
			int distance = Math.max(below, above); // negative: the tick reaches into the rule or across it
			if (distance <= thick || distance <= gap && inkBetween(tick, rule)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the tick's middle column is inked all the way to the rule. */
	private boolean inkBetween(Line tick, Line rule) {
		int x = (int) tick.center();
		boolean ruleBelow = rule.across0() > tick.along1();
		int from = ruleBelow ? tick.along1() : rule.across1();
		int to = ruleBelow ? rule.across0() : tick.along0();
		for (int y = from; y <= to; y++) {
			if (!ink(x, y) && !ink(x - 1, y) && !ink(x + 1, y)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The lines of one direction at least {@code minLength} pixels long: in
	 * every column (or row), the chains of thin ink with gaps no wider than
	 * {@link #DOT_GAP}, inked on at least {@link #MIN_COVER} of their length;
	 * neighbouring columns with overlapping chains make one line, as thick as
	 * print is at most.
	 */
	private List<Line> lines(boolean vertical, double minLength, List<Line> rules) {
		int size = vertical ? raster.width : raster.height;
		Chain[] chains = new Chain[size];
		for (int a = 0; a < size; a++) {
			Chain chain = longestChain(vertical, a);
			if (chain != null && length(chain) >= minLength && chain.inked() >= MIN_COVER * length(chain)) {
				chains[a] = chain;
			}
		}
		List<Line> lines = new ArrayList<>();
		for (int a = 0; a < size; a++) {
			if (chains[a] == null) {
				continue;
			}
			int b = a;
			while (b + 1 < size && chains[b + 1] != null && chains[b + 1].from() <= chains[b].to()
					&& chains[b + 1].to() >= chains[b].from()) {
				b++;
			}
			if (b - a + 1 <= thick) {
				lines.add(line(vertical, chains, a, b));
			} else {
				// Wider than print: a pen stroke right beside the line. The line is the run that reaches a rule
				// (a tick) or else the longest, and its like.
				int c = a;
				for (int k = a; k <= b; k++) {
					boolean reaches = reachesRule(k, chains[k], rules);
					boolean cReaches = reachesRule(c, chains[c], rules);
					if (reaches && !cReaches || reaches == cReaches && length(chains[k]) > length(chains[c])) {
						c = k;
					}
				}
				int lo = c;
				int hi = c;
				while (hi - lo + 1 < thick) {
					boolean left = lo > a && length(chains[lo - 1]) >= 0.8 * length(chains[c]);
					boolean right = hi < b && length(chains[hi + 1]) >= 0.8 * length(chains[c]);
					if (left && (!right || length(chains[lo - 1]) >= length(chains[hi + 1]))) {
						lo--;
					} else if (right) {
						hi++;
					} else {
						break;
					}
				}
				lines.add(line(vertical, chains, lo, hi));
			}
			a = b;
		}
		return lines;
	}

	/** Whether a column's chain ends on one of the rules (within a pixel of blur). */
	private static boolean reachesRule(int column, Chain chain, List<Line> rules) {
		for (Line rule : rules) {
			if (column >= rule.along0() && column <= rule.along1()
					&& (Math.abs(rule.across0() - chain.to()) <= 2 || Math.abs(chain.from() - rule.across1()) <= 2)) {
				return true;
			}
		}
		return false;
	}

	private static int length(Chain chain) {
		return chain.to() - chain.from() + 1;
	}

	private Line line(boolean vertical, Chain[] chains, int from, int to) {
		int along0 = Integer.MAX_VALUE;
		int along1 = -1;
		long inked = 0;
		long length = 0;
		for (int k = from; k <= to; k++) {
			along0 = Math.min(along0, chains[k].from());
			along1 = Math.max(along1, chains[k].to());
			inked += chains[k].inked();
			length += length(chains[k]);
		}
		// A printed dotted line has its gaps across its whole width; a slanted pen stroke leaves each column
		// in turn, but some column of the band holds ink all along it.
		int runs = 0;
		boolean before = false;
		for (int s = along0; s <= along1; s++) {
			boolean any = false;
			for (int k = from; k <= to && !any; k++) {
				any = vertical ? ink(k, s) : ink(s, k);
			}
			runs += any && !before ? 1 : 0;
			before = any;
		}
		return new Line(vertical, from, to, along0, along1, (double) inked / length, runs);
	}

	/**
	 * The longest chain of thin ink in one column (vertical) or row, or null.
	 * Thick ink does not break a chain: it is a pen stroke crossing the line.
	 */
	private Chain longestChain(boolean vertical, int a) {
		int length = vertical ? raster.height : raster.width;
		Chain best = null;
		int from = -1;
		int to = -1;
		int lastInk = -1;
		int inked = 0;
		for (int s = 0; s < length; s++) {
			boolean ink = vertical ? ink(a, s) : ink(s, a);
			if (!ink) {
				continue;
			}
			if (from >= 0 && s - lastInk - 1 > gap) {
				best = longer(best, new Chain(from, to, inked));
				from = -1;
			}
			lastInk = s;
			if (!thinInk(vertical, a, s)) {
				continue;
			}
			if (from < 0) {
				from = s;
				inked = 0;
			}
			to = s;
			inked++;
		}
		return from < 0 ? best : longer(best, new Chain(from, to, inked));
	}

	private static Chain longer(Chain a, Chain b) {
		return a == null || b.to() - b.from() > a.to() - a.from() ? b : a;
	}

	/**
	 * Ink whose run across the line's direction is no thicker than print:
	 * for a vertical line, a pixel of a horizontal run at most
	 * {@link #MAX_THICKNESS} long. A pen stroke crossing the line is thick
	 * there: the line's chain goes on across it, but it is no ink of the line.
	 */
	private boolean thinInk(boolean vertical, int a, int s) {
		int x = vertical ? a : s;
		int y = vertical ? s : a;
		if (!ink(x, y)) {
			return false;
		}
		int dx = vertical ? 1 : 0;
		int dy = vertical ? 0 : 1;
		int run = 1;
		for (int k = 1; run <= thick && ink(x - k * dx, y - k * dy); k++) {
			run++;
		}
		for (int k = 1; run <= thick && ink(x + k * dx, y + k * dy); k++) {
			run++;
		}
		return run <= thick;
	}

	private boolean ink(int x, int y) {
		return x >= 0 && y >= 0 && x < raster.width && y < raster.height && mask[y * raster.width + x] != 0;
	}

	/**
	 * Clears each line and a pixel of blur on either side, except where ink
	 * touches it from both sides: a pen stroke crossing the line.
	 */
	private void erase(Print print) {
		List<Line> all = new ArrayList<>(print.horizontals());
		all.addAll(print.verticals());
		boolean[] onLine = new boolean[mask.length];
		for (Line line : all) {
			forBand(line, (x, y) -> onLine[y * raster.width + x] = true);
		}
		for (Line line : all) {
			int a0 = line.across0() - 1;
			int a1 = line.across1() + 1;
			for (int s = line.along0() - 1; s <= line.along1() + 1; s++) {
				if (near(line.vertical(), a0 - 1, s, onLine) && near(line.vertical(), a1 + 1, s, onLine)) {
					continue; // a pen stroke crossing the line
				}
				for (int a = a0; a <= a1; a++) {
					int x = line.vertical() ? a : s;
					int y = line.vertical() ? s : a;
					if (x >= 0 && y >= 0 && x < raster.width && y < raster.height) {
						raster.ink[y * raster.width + x] = 0;
					}
				}
			}
		}
	}

	private interface PixelVisitor {
		void visit(int x, int y);
	}

	/** Every pixel of a line and a pixel of blur around it, inside the raster. */
	private void forBand(Line line, PixelVisitor visitor) {
		for (int s = line.along0() - 1; s <= line.along1() + 1; s++) {
			for (int a = line.across0() - 1; a <= line.across1() + 1; a++) {
				int x = line.vertical() ? a : s;
				int y = line.vertical() ? s : a;
				if (x >= 0 && y >= 0 && x < raster.width && y < raster.height) {
					visitor.visit(x, y);
				}
			}
		}
	}

	/** Whether pen ink (no printed line's) lies at {@code a} across the line, near position {@code s} along it. */
	private boolean near(boolean vertical, int a, int s, boolean[] onLine) {
		for (int d = -1; d <= 1; d++) {
			int x = vertical ? a : s + d;
			int y = vertical ? s + d : a;
			if (ink(x, y) && !onLine[y * raster.width + x]) {
				return true;
			}
		}
		return false;
	}
}
