package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.segment.InkComponents.Component;

/**
 * Groups the handwritten strokes of a digit string written freely into
 * digits: tall strokes that overlap in x are one digit, and short pieces
 * join the digit they overlap (broken strokes); a blob much wider than a
 * digit is high is split where its ink is thinnest (touching digits), and
 * neighbours that nearly touch may be joined (a broken digit), as the judge
 * finds them read best. Small marks between digits are the separators people
 * write (a decimal point, a thousands comma, a dash), no digits.
 */
final class StrokeDigits {

	/**
	 * The digits of a string and the separators written between them.
	 *
	 * @param unread strokes among the digits read as neither (too short, too
	 *        little ink): a stray mark, or a digit the scan broke up or a
	 *        neighbour left only a piece of
	 */
	record Reading(List<GlyphGroup> digits, List<Separator> separators, List<Component> unread) {

		/** What the unread strokes make a reading unsure of, if anything. */
		Optional<String> unreadDoubt() {
			return unread.isEmpty() ? Optional.empty()
					: Optional.of(UNREAD_STROKE + " (" + unread.stream().mapToInt(c -> c.ink).sum() + " pixels)");
		}
	}

	/** A speck of dust is a blot; a piece of a pen's stroke is at least this many digit heights long. */
	private static final double STROKE_LENGTH = 0.3;
	static final String UNREAD_STROKE = "a stroke among the digits is read as no digit and no separator";

	/**
	 * A written mark between digits: a point or comma (low), or a dash (in
	 * the middle, wider than high); x its centre in raster pixels. A comma
	 * is a point with a tail: taller than wide, or reaching below the digits.
	 */
	record Separator(double x, boolean dash, boolean comma) {
	}

	/** Tall strokes overlapping by this share of the narrower one belong to one digit. */
	private static final double JOIN_OVERLAP = 0.8;
	/** A stroke lower than this share of the digit height is a fragment of a digit. */
	private static final double FRAGMENT_HEIGHT = 0.5;
	/** A stroke with less ink than a digit is a thin 1 when at least this share of the digit height tall. */
	private static final double THIN_ONE_HEIGHT = 0.75;
	/** Two pieces of a broken stroke lie at most this far apart (digit heights) one above the other... */
	private static final double BROKEN_GAP = 0.4;
	/** ...their centres at most this far apart across (a slanted 1). */
	private static final double BROKEN_SLANT = 0.25;
	/** How far (in digit heights) a fragment may lie from the digit it belongs to. */
	private static final double FRAGMENT_REACH = 0.3;
	/** Written digits are about this share of the amount box's height. */
	private static final double NOMINAL_HEIGHT = 0.6;
	/** Neighbours at most this far apart (digit heights)... */
	private static final double JOIN_GAP = 0.12;
	/** ...and together at most this wide are tried joined. */
	static final double JOIN_WIDTH = 0.95;
	/** With a recognizer to judge, blobs at least this many digit heights wide are tried cut... */
	private static final double CANDIDATE_ASPECT = 0.85;
	/** ...and narrower ones at least this wide when the recognizer reads them as no digit. */
	private static final double NARROW_PAIR_ASPECT = 0.3;
	/** Without one, a blob wider than this many times the digit height is more than one digit... */
	private static final double SPLIT_ASPECT = 1.2;
	/** Each part of a split must be at least this share of the digit height... */
	private static final double PART_HEIGHT = 0.6;
	/** ...or of this share when the recognizer finds the blob no digit at all (a small 2 touching a 9). */
	static final double LOOSE_PART_HEIGHT = 0.3;
	/** A reading at least this sure is taken without trying uneven cuts, which must read this surely. */
	static final double SURE = 0.9;
	/** Uneven cuts tried at most. */
	private static final int UNEVEN_CUTS = 3;
	/** The narrowest part of an uneven cut, in digit heights: a thin 1. */
	private static final double NARROWEST_PART = 0.12;
	/** ...and holds about width / (this x height) digits. */
	private static final double DIGIT_ASPECT = 0.75;
	/** A separator is lower than this share of the digit height... */
	private static final double SEPARATOR_HEIGHT = 0.35;
	/** A mark reaching this share of the digit height below the digits has a comma's tail. */
	private static final double COMMA_TAIL = 0.1;
	/** ...and narrower than this share. */
	private static final double SEPARATOR_WIDTH = 0.7;
	/** A dash joined to a digit is a flat tail at least this many digit heights long... */
	private static final double DASH_LENGTH = 0.25;
	/** ...at most this many thick... */
	private static final double DASH_THICKNESS = 0.25;
	/** ...and its middle at least this share of the blob's height below the blob's top... */
	private static final double DASH_TOP = 0.25;
	/** ...and at most this share (a 5's flag and a 2's foot lie higher and lower). */
	private static final double DASH_BOTTOM = 0.75;
	/** A dot whose bottom is at most this share of the digit height above the digits' baseline sits on it. */
	private static final double BASELINE_REACH = 0.1;

	private StrokeDigits() {
	}

	/** @param judge picks between readings of a wide blob (whole or cut); null: cut by shape alone */
	static Reading read(List<Component> strokes, FieldInk ink, SplitJudge judge) {
		strokes = new ArrayList<>(strokes);
		strokes.sort(Comparator.comparingInt(c -> c.minX));
		double height = digitHeight(strokes, ink);
		List<GlyphGroup> groups = new ArrayList<>();
		List<Component> fragments = new ArrayList<>();
		List<Component> dropped = new ArrayList<>();
		for (Component stroke : strokes) {
			if (stroke.height() < FRAGMENT_HEIGHT * height) {
				fragments.add(stroke);
				continue;
			}
			GlyphGroup joined = null;
			for (GlyphGroup group : groups) {
				if (overlap(group, stroke) >= JOIN_OVERLAP * Math.min(group.width(), stroke.width())) {
					joined = group;
					break;
				}
			}
			if (joined == null) {
				groups.add(new GlyphGroup(stroke));
			} else {
				joined.add(stroke);
			}
		}
		joinBrokenStrokes(fragments, groups, height);
		List<Separator> separators = new ArrayList<>();
		double[] band = band(groups);
		// A short piece (the bar of a 5, a broken loop) belongs to the digit it overlaps or nearly touches.
		for (Component fragment : fragments) {
			Separator separator = separator(fragment, groups, height, band, false);
			if (separator != null) {
				separators.add(separator);
				continue;
			}
			GlyphGroup nearest = null;
			double best = -FRAGMENT_REACH * height;
			for (GlyphGroup group : groups) {
				double overlap = overlap(group, fragment);
				if (overlap > best) {
					best = overlap;
					nearest = group;
				}
			}
			// A short piece near no digit is a speck or a stray mark, not a digit of its own.
			if (nearest != null) {
				nearest.add(fragment);
			} else {
				dropped.add(fragment);
			}
		}
		// Little ink is a stray stroke, unless it stands as tall as the digits: a thin 1.
		groups.removeIf(group -> {
			boolean stray = group.count < ink.minDigitArea() && !isThinOne(group, height, ink);
			if (stray) {
				dropped.addAll(group.parts);
			}
			return stray;
		});
		if (judge != null) {
			groups.replaceAll(group -> withoutDash(group, height, ink, judge, separators));
		}
		Set<GlyphGroup> narrowNoDigits = judge == null ? Set.of() : narrowNoDigits(groups, height, ink, judge);
		List<GlyphGroup> digits = new ArrayList<>();
		for (GlyphGroup group : groups) {
			digits.addAll(split(group, height, ink, judge, narrowNoDigits.contains(group)));
		}
		digits.sort(Comparator.comparingInt(g -> g.minX));
		return new Reading(judge == null ? digits : joinBroken(digits, height, ink, judge), separators,
				among(dropped, digits, height));
	}

	/**
	 * The strokes that lie among the digits (within their rows, no farther
	 * than a digit from them) and are pen strokes, not dust: at least
	 * {@value #STROKE_LENGTH} digit heights long.
	 */
	private static List<Component> among(List<Component> strokes, List<GlyphGroup> digits, double height) {
		double[] band = band(digits);
		if (band == null) {
			return List.of();
		}
		int left = digits.stream().mapToInt(g -> g.minX).min().getAsInt();
		int right = digits.stream().mapToInt(g -> g.maxX).max().getAsInt();
		return strokes.stream()
				.filter(c -> c.centerY() >= band[0] && c.centerY() <= band[1] && c.maxX >= left - height
						&& c.minX <= right + height && Math.max(c.width(), c.height()) >= STROKE_LENGTH * height)
				.toList();
	}

	/**
	 * A thin stroke broken by the scan's threshold leaves two short pieces
	 * one above the other: together as tall as a digit, beside no digit, they
	 * are one (a 1), not pieces of the digit next to them. Such pairs move
	 * from {@code fragments} to {@code groups}.
	 */
	private static void joinBrokenStrokes(List<Component> fragments, List<GlyphGroup> groups, double height) {
		for (int i = 0; i < fragments.size(); i++) {
			for (int j = i + 1; j < fragments.size(); j++) {
				Component a = fragments.get(i);
				Component b = fragments.get(j);
				Component upper = a.minY <= b.minY ? a : b;
				Component lower = upper == a ? b : a;
				int top = upper.minY;
				int bottom = Math.max(upper.maxY, lower.maxY);
				int left = Math.min(a.minX, b.minX);
				int right = Math.max(a.maxX, b.maxX);
				boolean stacked = lower.minY - upper.maxY <= BROKEN_GAP * height
						&& Math.abs(a.centerX() - b.centerX()) <= BROKEN_SLANT * height;
				boolean tall = bottom - top + 1 >= THIN_ONE_HEIGHT * height;
				boolean alone = groups.stream().noneMatch(g -> g.maxX >= left && g.minX <= right);
				if (stacked && tall && alone && right - left + 1 < THIN_ONE_HEIGHT * height) {
					GlyphGroup one = new GlyphGroup(upper);
					one.add(lower);
					groups.add(one);
					fragments.remove(j);
					fragments.remove(i);
					i--;
					break;
				}
			}
		}
		groups.sort(Comparator.comparingInt(g -> g.minX));
	}

	/**
	 * The separators among marks too small to be strokes (a written point,
	 * thinner than a stroke of the pen, is easily that small), placed against
	 * the digits as read.
	 */
	static List<Separator> separators(List<Component> marks, List<GlyphGroup> digits, double height) {
		double[] band = band(digits);
		List<Separator> separators = new ArrayList<>();
		for (Component mark : marks) {
			if (inDotLeader(mark, marks)) {
				continue;
			}
			Separator separator = separator(mark, digits, height, band, true);
			if (separator != null && !separator.dash()) {
				separators.add(separator);
			}
		}
		return separators;
	}

	/**
	 * Whether a mark is one of a dot leader running into the box: three or
	 * more dots in a row, evenly spaced as print is (a written point and
	 * specks of dust on the same line are not).
	 */
	private static boolean inDotLeader(Component mark, List<Component> marks) {
		List<Double> row = marks.stream().filter(m -> Math.abs(m.centerY() - mark.centerY()) <= 1.5)
				.map(Component::centerX).sorted().toList();
		if (row.size() < 3) {
			return false;
		}
		double narrowest = Double.MAX_VALUE;
		double widest = 0;
		for (int i = 1; i < row.size(); i++) {
			double gap = row.get(i) - row.get(i - 1);
			narrowest = Math.min(narrowest, gap);
			widest = Math.max(widest, gap);
		}
		return widest <= LEADER_EVENNESS * narrowest;
	}

	/** The widest gap between a dot leader's dots is at most this many times its narrowest. */
	private static final double LEADER_EVENNESS = 1.5;

	/** The doubt of an amount read whole whose last two digits stand apart as cents do. */
	static final String CENTS_APART = "the last two digits stand apart as cents after a point do, but no point is seen";
	/** A digit lower than this share of the others' median height may be a separator or a piece of one. */
	private static final double SMALL_DIGIT = 0.6;
	/** A gap this many times the others' median (and this share of the digit height) may hold a point unseen... */
	private static final double WIDE_GAP = 2.2;
	private static final double WIDE_GAP_HEIGHT = 0.3;

	/**
	 * What makes a free-hand reading unsure though each glyph may read well:
	 * a "digit" much lower than the others (a comma, a piece of a stroke),
	 * and, when {@code whole} (no point seen), the last two digits standing
	 * apart from the rest as cents do after a point.
	 */
	static List<String> doubts(List<GlyphGroup> digits, boolean whole) {
		List<String> doubts = new ArrayList<>();
		if (digits.size() < 3) {
			return doubts;
		}
		int[] heights = digits.stream().mapToInt(GlyphGroup::height).sorted().toArray();
		double median = heights[heights.length / 2];
		if (heights[0] < SMALL_DIGIT * median) {
			doubts.add("a mark much lower than the digits beside it is read as a digit");
		}
		if (whole && digits.size() >= 3) {
			List<Integer> gaps = new ArrayList<>();
			for (int i = 1; i < digits.size(); i++) {
				gaps.add(digits.get(i).minX - digits.get(i - 1).maxX - 1);
			}
			int beforeCents = gaps.remove(gaps.size() - 2);
			gaps.sort(null);
			double usual = gaps.isEmpty() ? 0 : Math.max(1, gaps.get(gaps.size() / 2));
			if (beforeCents >= WIDE_GAP * usual && beforeCents >= WIDE_GAP_HEIGHT * median) {
				doubts.add(CENTS_APART);
			}
		}
		return doubts;
	}

	/** The rows the digits are written between: the medians of their tops and bottoms; null without digits. */
	private static double[] band(List<GlyphGroup> groups) {
		if (groups.isEmpty()) {
			return null;
		}
		int[] tops = groups.stream().mapToInt(g -> g.minY).sorted().toArray();
		int[] bottoms = groups.stream().mapToInt(g -> g.maxY).sorted().toArray();
		return new double[] { tops[tops.length / 2], bottoms[bottoms.length / 2] };
	}

	/**
	 * The separator a short piece is, or null: small, between two digits and
	 * apart from both, low (a point, a comma) or in the middle and wider
	 * than high (a dash).
	 */
	private static Separator separator(Component piece, List<GlyphGroup> groups, double height, double[] band,
			boolean dot) {
		if (band == null || piece.width() >= SEPARATOR_WIDTH * height) {
			return null;
		}
		// A comma may be taller than a point, but it hangs from the baseline: its top is in the digits' lower half.
		boolean hangs = piece.minY >= band[0] + 0.55 * (band[1] - band[0]) && piece.maxY > band[1];
		if (piece.height() >= (hangs ? FRAGMENT_HEIGHT : SEPARATOR_HEIGHT) * height) {
			return null;
		}
		double x = (piece.minX + piece.maxX) / 2.0;
		boolean left = false;
		boolean right = false;
		// A written point sits on the digits' baseline. Scanned coarsely it may reach into the box of the
		// digit beside it (under a 9's tail, beside a slanted 1) without touching its ink: such a dot is
		// inside a digit only when it lies wholly within the digit's columns. A speck below the baseline
		// gets no such benefit of the doubt.
		boolean onBaseline = dot && piece.maxY <= band[1] + 1 && band[1] - piece.maxY <= BASELINE_REACH * height;
		for (GlyphGroup group : groups) {
			double centre = (group.minX + group.maxX) / 2.0;
			boolean inside = onBaseline ? piece.minX >= group.minX && piece.maxX <= group.maxX
					: x >= group.minX && x <= group.maxX;
			if (inside) {
				return null;
			}
			left |= onBaseline ? centre < x : group.maxX < x;
			right |= onBaseline ? centre > x : group.minX > x;
		}
		if (!left || !right) {
			return null;
		}
		double level = (piece.centerY() - band[0]) / Math.max(1, band[1] - band[0]);
		if (level >= 0.6) {
			// A comma's tail makes it taller than wide; a round point written a little low is still a point.
			boolean tail = piece.height() >= 1.6 * piece.width()
					|| piece.maxY > band[1] + COMMA_TAIL * height && piece.height() >= 1.2 * piece.width();
			return new Separator(x, false, tail);
		}
		if (level >= 0.2 && piece.width() >= 1.2 * piece.height()) {
			return new Separator(x, true, false);
		}
		return null;
	}

	/**
	 * A dash written into the digit beside it ("12-3456789" with the 2 and
	 * the dash touching) leaves the digit with a flat tail at half its
	 * height: a run of columns at one end of the blob whose ink is a thin
	 * line in the middle half of its height, at least
	 * {@value #DASH_LENGTH} digit heights long. Such a tail is taken off as a
	 * dash when the blob does not read surely as a digit and what is left
	 * does.
	 *
	 * @param separators where the dash goes when it is taken off
	 */
	private static GlyphGroup withoutDash(GlyphGroup group, double height, FieldInk ink, SplitJudge judge,
			List<Separator> separators) {
		int[][] spans = group.columnSpans(ink.labels, ink.raster.width);
		int right = flatColumns(spans, spans.length - 1, -1, height, group);
		int left = flatColumns(spans, 0, 1, height, group);
		int tail = Math.max(left, right);
		if (tail < DASH_LENGTH * height) {
			return group;
		}
		boolean atRight = right >= left;
		GlyphGroup rest = atRight ? group.columns(group.minX, group.maxX - tail, ink.labels, ink.raster.width)
				: group.columns(group.minX + tail, group.maxX, ink.labels, ink.raster.width);
		if (!isDigitPart(rest, PART_HEIGHT * height, ink)) {
			return group;
		}
		double[] scores = judge.scores(readings(List.of(List.of(group), List.of(rest)), ink));
		if (scores[0] >= SURE || scores[1] < SURE) {
			return group;
		}
		double x = atRight ? group.maxX - (tail - 1) / 2.0 : group.minX + (tail - 1) / 2.0;
		separators.add(new Separator(x, true, false));
		return rest;
	}

	/**
	 * How many columns from {@code from}, stepping by {@code step}, hold only
	 * a thin line in the middle of the group's height (a dash's columns).
	 */
	private static int flatColumns(int[][] spans, int from, int step, double height, GlyphGroup group) {
		double groupHeight = Math.max(1, group.height() - 1);
		int count = 0;
		for (int i = from; i >= 0 && i < spans.length; i += step) {
			int[] span = spans[i];
			double level = ((span[0] + span[1]) / 2.0 - group.minY) / groupHeight;
			if (span[0] < 0 || span[1] - span[0] + 1 > DASH_THICKNESS * height || level < DASH_TOP
					|| level > DASH_BOTTOM) {
				break;
			}
			count++;
		}
		return count;
	}

	/**
	 * Neighbours that nearly touch and together are no wider than a digit may
	 * be one digit whose stroke broke: the recognizer judges whether they
	 * read better apart or as one.
	 */
	private static List<GlyphGroup> joinBroken(List<GlyphGroup> digits, double height, FieldInk ink,
			SplitJudge judge) {
		List<GlyphGroup> result = new ArrayList<>();
		for (GlyphGroup next : digits) {
			if (!result.isEmpty()) {
				GlyphGroup last = result.get(result.size() - 1);
				int gap = next.minX - last.maxX - 1;
				int width = Math.max(last.maxX, next.maxX) - last.minX + 1;
				if (!last.cut && !next.cut && gap <= JOIN_GAP * height && width <= JOIN_WIDTH * height) {
					GlyphGroup joined = GlyphGroup.join(last, next);
					List<List<DigitImage>> options = List.of(
							List.of(last.toGlyph(0, ink.raster, ink.labels).image(),
									next.toGlyph(0, ink.raster, ink.labels).image()),
							List.of(joined.toGlyph(0, ink.raster, ink.labels).image()));
					if (judge.choose(options) == 1) {
						result.set(result.size() - 1, joined);
						continue;
					}
				}
			}
			result.add(next);
		}
		return result;
	}

	/** Columns two boxes share; negative for the gap between them. */
	private static int overlap(GlyphGroup group, Component stroke) {
		return Math.min(group.maxX, stroke.maxX) - Math.max(group.minX, stroke.minX) + 1;
	}

	/** The height of a written digit in this field: the median of its tall strokes, else the usual share of the box. */
	static double digitHeight(List<Component> strokes, FieldInk ink) {
		double nominal = NOMINAL_HEIGHT * (ink.raster.height - 2 * FieldInk.MARGIN * ink.raster.pixelsPerPoint);
		int[] heights = strokes.stream().mapToInt(Component::height).filter(h -> h >= FRAGMENT_HEIGHT * nominal)
				.sorted().toArray();
		return heights.length == 0 ? nominal : heights[heights.length / 2];
	}

	/**
	 * Splits touching digits. With a judge, every blob at least
	 * {@value #CANDIDATE_ASPECT} digit heights wide is read whole and cut in
	 * two (or more), and the reading the recognizer is surest of wins; without
	 * one, blobs wider than {@value #SPLIT_ASPECT} digit heights are cut. When
	 * no reading is sure, the blob may be two digits of unequal width or
	 * height (a 1 leaning on an 8, a small 3 touching a 0): it is also tried
	 * cut in two at each of its thinnest columns. A narrower blob that the
	 * recognizer reads as no digit is tried cut in two as well.
	 *
	 * @param noDigit whether the recognizer reads the blob, too narrow to look like two digits, as no digit
	 *        (see {@link #narrowNoDigits})
	 */
	private static List<GlyphGroup> split(GlyphGroup group, double digitHeight, FieldInk ink, SplitJudge judge,
			boolean noDigit) {
		double aspect = aspect(group, digitHeight);
		if (judge == null) {
			return aspect < SPLIT_ASPECT ? List.of(group)
					: last(options(group, digitCount(aspect), PART_HEIGHT * digitHeight, ink));
		}
		if (aspect < CANDIDATE_ASPECT) {
			return noDigit ? narrowPair(group, digitHeight, ink, judge) : List.of(group);
		}
		List<List<GlyphGroup>> options = options(group, digitCount(aspect), PART_HEIGHT * digitHeight, ink);
		double[] scores = judge.scores(readings(options, ink));
		int chosen = SplitJudge.best(scores);
		if (scores[chosen] >= SURE) {
			return options.get(chosen);
		}
		List<GlyphGroup> cut = sureCut(looseCuts(group, digitCount(aspect), digitHeight, ink), scores[chosen], ink,
				judge);
		// Along a path only what no straight cut reads, and no digit whole: a path can carve a 6 into 1 and 0.
		if (cut == null && scores[0] == 0) {
			cut = sureCut(pathCuts(group, digitHeight, ink), scores[chosen], ink, judge);
		}
		// Nothing reads surely: the best even option, the blob whole when nothing reads as digits (the first of equals).
		return cut != null ? cut : options.get(chosen);
	}

	private static boolean isThinOne(GlyphGroup group, double digitHeight, FieldInk ink) {
		return group.height() >= THIN_ONE_HEIGHT * digitHeight && 2 * group.count >= ink.minDigitArea();
	}

	private static double aspect(GlyphGroup group, double digitHeight) {
		return group.width() / Math.max(group.height(), digitHeight);
	}

	/**
	 * The blobs too narrow to look like two digits (two 1s, a 1 written into
	 * the digit beside it) that the recognizer reads as no digit at all,
	 * asked in one batch.
	 */
	private static Set<GlyphGroup> narrowNoDigits(List<GlyphGroup> groups, double digitHeight, FieldInk ink,
			SplitJudge judge) {
		List<GlyphGroup> narrow = groups.stream().filter(group -> {
			double aspect = aspect(group, digitHeight);
			return aspect >= NARROW_PAIR_ASPECT && aspect < CANDIDATE_ASPECT;
		}).toList();
		if (narrow.isEmpty()) {
			return Set.of();
		}
		double[] scores = judge.scores(readings(narrow.stream().map(List::of).toList(), ink));
		Set<GlyphGroup> noDigits = new HashSet<>();
		for (int i = 0; i < scores.length; i++) {
			if (scores[i] == 0) {
				noDigits.add(narrow.get(i));
			}
		}
		return noDigits;
	}

	/**
	 * A narrow blob read as no digit is cut in two where a cut reads surely
	 * as two digits; else it stays whole.
	 */
	private static List<GlyphGroup> narrowPair(GlyphGroup group, double digitHeight, FieldInk ink,
			SplitJudge judge) {
		// The loose cuts hold the even cut too: where a cut falls does not depend on the parts' least height.
		List<GlyphGroup> cut = sureCut(looseCuts(group, 2, digitHeight, ink), 0, ink, judge);
		// Along a path only where no straight cut reads surely: a path may carve one of two digits into two.
		if (cut == null) {
			cut = sureCut(pathCuts(group, digitHeight, ink), 0, ink, judge);
		}
		return cut != null ? cut : List.of(group);
	}

	/** The cut the judge reads best, if it reads surely and better than {@code toBeat}; else null. */
	private static List<GlyphGroup> sureCut(List<List<GlyphGroup>> cuts, double toBeat, FieldInk ink,
			SplitJudge judge) {
		if (cuts.isEmpty()) {
			return null;
		}
		double[] scores = judge.scores(readings(cuts, ink));
		int best = SplitJudge.best(scores);
		return scores[best] >= SURE && scores[best] > toBeat ? cuts.get(best) : null;
	}

	/**
	 * The cuts of a blob when its even cuts are unsure: in two at each of its
	 * thinnest columns, and into 2..{@code most} even parts, each part as low
	 * as {@value #LOOSE_PART_HEIGHT} digit heights (a small 2 touching a 9).
	 * Without the blob whole.
	 */
	static List<List<GlyphGroup>> looseCuts(GlyphGroup group, int most, double digitHeight, FieldInk ink) {
		List<List<GlyphGroup>> cuts = unevenCuts(group, digitHeight, ink);
		List<List<GlyphGroup>> even = options(group, most, LOOSE_PART_HEIGHT * digitHeight, ink);
		cuts.addAll(even.subList(1, even.size()));
		return cuts;
	}

	/** How many digits a blob this many digit heights wide may hold: at least two. */
	private static int digitCount(double aspect) {
		return Math.max(2, (int) Math.round(aspect / DIGIT_ASPECT));
	}

	private static <T> T last(List<T> list) {
		return list.get(list.size() - 1);
	}

	/**
	 * The blob cut in two at each of its {@value #UNEVEN_CUTS} thinnest
	 * columns (each part at least a narrow 1 wide and
	 * {@value #LOOSE_PART_HEIGHT} digit heights high).
	 */
	private static List<List<GlyphGroup>> unevenCuts(GlyphGroup group, double digitHeight, FieldInk ink) {
		int[] profile = group.columnProfile(ink.labels, ink.raster.width);
		int narrowest = Math.max(1, (int) Math.round(NARROWEST_PART * digitHeight));
		List<List<GlyphGroup>> cuts = new ArrayList<>();
		for (int x : thinnestColumns(profile, narrowest, UNEVEN_CUTS)) {
			int at = group.minX + x;
			List<GlyphGroup> parts = List.of(group.columns(group.minX, at, ink.labels, ink.raster.width),
					group.columns(at + 1, group.maxX, ink.labels, ink.raster.width));
			if (parts.stream().allMatch(part -> isDigitPart(part, LOOSE_PART_HEIGHT * digitHeight, ink))) {
				cuts.add(parts);
			}
		}
		return cuts;
	}

	/**
	 * The blob cut in two along each of its {@value #UNEVEN_CUTS} paths that
	 * cross the least ink (see {@link CutPaths}), each part at least a narrow
	 * 1 wide and {@value #LOOSE_PART_HEIGHT} digit heights high: for ink that
	 * holds two digits written into each other's columns.
	 */
	static List<List<GlyphGroup>> pathCuts(GlyphGroup group, double digitHeight, FieldInk ink) {
		int narrowest = Math.max(1, (int) Math.round(NARROWEST_PART * digitHeight));
		List<List<GlyphGroup>> cuts = new ArrayList<>();
		for (int[] path : CutPaths.cheapest(group.inkGrid(ink.labels, ink.raster.width), group.width(), narrowest,
				UNEVEN_CUTS)) {
			for (int row = 0; row < path.length; row++) {
				path[row] += group.minX;
			}
			GlyphGroup[] sides = group.alongPath(path, ink.labels, ink.raster.width);
			if (sides[0] != null && sides[1] != null && isDigitPart(sides[0], LOOSE_PART_HEIGHT * digitHeight, ink)
					&& isDigitPart(sides[1], LOOSE_PART_HEIGHT * digitHeight, ink)) {
				cuts.add(List.of(sides));
			}
		}
		return cuts;
	}

	/**
	 * Up to {@code most} columns where the ink is locally thinnest (not inside
	 * a flat stretch), thinnest first, at least {@code margin} columns from either end and from each
	 * other.
	 *
	 * @param profile ink pixels per column
	 */
	static List<Integer> thinnestColumns(int[] profile, int margin, int most) {
		List<Integer> valleys = new ArrayList<>();
		for (int x = margin; x < profile.length - margin; x++) {
			int left = profile[x - 1];
			int right = profile[x + 1];
			if (profile[x] <= left && profile[x] <= right && (profile[x] < left || profile[x] < right)) {
				valleys.add(x);
			}
		}
		valleys.sort(Comparator.comparingInt(x -> profile[x]));
		List<Integer> taken = new ArrayList<>();
		for (int x : valleys) {
			if (taken.size() < most && taken.stream().allMatch(t -> Math.abs(t - x) >= margin)) {
				taken.add(x);
			}
		}
		return taken;
	}

	/** The blob whole, then cut into 2..{@code most} parts where each part is at least {@code minPartHeight} high. */
	static List<List<GlyphGroup>> options(GlyphGroup group, int most, double minPartHeight, FieldInk ink) {
		List<List<GlyphGroup>> options = new ArrayList<>();
		options.add(List.of(group));
		for (int parts = 2; parts <= most; parts++) {
			List<GlyphGroup> cut = cut(group, parts, minPartHeight, ink);
			if (cut != null) {
				options.add(cut);
			}
		}
		return options;
	}

	static List<List<DigitImage>> readings(List<List<GlyphGroup>> options, FieldInk ink) {
		List<List<DigitImage>> readings = new ArrayList<>();
		for (List<GlyphGroup> option : options) {
			readings.add(option.stream().map(g -> g.toGlyph(0, ink.raster, ink.labels).image()).toList());
		}
		return readings;
	}

	/** Cuts a blob into {@code parts} at the thinnest columns near the even cuts; null if a part would not be a digit. */
	static List<GlyphGroup> cut(GlyphGroup group, int parts, double minPartHeight, FieldInk ink) {
		int[] profile = group.columnProfile(ink.labels, ink.raster.width);
		List<GlyphGroup> result = new ArrayList<>();
		int from = group.minX;
		double partWidth = (double) group.width() / parts;
		for (int j = 1; j < parts; j++) {
			int nominal = (int) Math.round(j * partWidth);
			int window = (int) Math.round(partWidth * 0.3);
			int best = nominal;
			for (int x = Math.max(1, nominal - window); x <= Math.min(profile.length - 2, nominal + window); x++) {
				if (profile[x] < profile[best]) {
					best = x;
				}
			}
			int cut = group.minX + best;
			result.add(group.columns(from, cut, ink.labels, ink.raster.width));
			from = cut + 1;
		}
		result.add(group.columns(from, group.maxX, ink.labels, ink.raster.width));
		// Touching digits give tall parts; a wide single digit (a 7's long bar) would leave a flat one.
		return result.stream().allMatch(part -> isDigitPart(part, minPartHeight, ink)) ? result : null;
	}

	/** Whether one part of a cut blob can be a digit: tall enough, and ink enough. */
	private static boolean isDigitPart(GlyphGroup part, double minPartHeight, FieldInk ink) {
		return part.height() >= minPartHeight && part.count >= ink.minDigitArea();
	}
}
