package com.digitdesk.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.api.template.ValidationRule;

/**
 * The corpus's own designs, each a template with a print of its own, so the
 * reader is measured on box styles beyond the first designs':
 * <ul>
 * <li>{@code household}: a household income statement with corner squares, a
 * boxed 9-digit household number, a boxed year, six amount lines with the
 * {@code $} printed left outside the box and a cents divider 1.3 box heights
 * from the right edge (the template does not state it), and their total.</li>
 * <li>{@code survey-1989}: a census-style questionnaire without corner
 * squares, aligned on its printed frame, with digit strings of 2 to 10 digits
 * written freely in plain boxes.</li>
 * <li>{@code heldout}: dotted box edges, comb ticks of a third of the box
 * height, no {@code $}, a dotted cents divider one box height from the right
 * edge, aligned on three horizontal rules and one vertical.</li>
 * <li>{@code sales-tax}: a quarterly sales tax return on a printed frame, a
 * 10-cell permit number with half-height ticks, a free count of employees,
 * amounts with the {@code $} inside the box and no cents divider, and two
 * rules. Kept out of all tuning; measured last.</li>
 * </ul>
 */
final class Designs {

	static final String HOUSEHOLD = "household";
	static final String SURVEY = "survey-1989";
	static final String HELDOUT = "heldout";
	static final String SALES_TAX = "sales-tax";
	static final List<String> IDS = List.of(HOUSEHOLD, SURVEY, HELDOUT, SALES_TAX);

	private static final double PAGE_WIDTH = 612;
	private static final double PAGE_HEIGHT = 792;

	private Designs() {
	}

	static Optional<FormTemplate> template(String id) {
		return switch (id) {
		case HOUSEHOLD -> Optional.of(household());
		case SURVEY -> Optional.of(survey());
		case HELDOUT -> Optional.of(heldout());
		case SALES_TAX -> Optional.of(salesTax());
		default -> Optional.empty();
		};
	}

	static Optional<FormStyle> style(String id) {
		return switch (id) {
		case HOUSEHOLD -> Optional.of(new DesignStyle(false, DesignStyle.Sign.OUTSIDE, 1.3, false, 1));
		case SURVEY -> Optional.of(new DesignStyle(false, DesignStyle.Sign.NONE, Double.NaN, false, 1));
		case HELDOUT -> Optional.of(new DesignStyle(true, DesignStyle.Sign.NONE, 1.0, true, 0.35));
		case SALES_TAX -> Optional.of(new DesignStyle(false, DesignStyle.Sign.INSIDE, Double.NaN, false, 0.5));
		default -> Optional.empty();
		};
	}

	private static FormTemplate household() {
		List<Anchor> anchors = List.of(square("top-left", 30, 30), square("top-right", 568, 30),
				square("bottom-left", 30, 748), square("bottom-right", 568, 748));
		List<FieldSpec> fields = new ArrayList<>();
		fields.add(new FieldSpec("household_number", "Household number", FieldKind.DIGITS, box(60, 110, 216, 24), 9));
		fields.add(new FieldSpec("year", "Year of the statement", FieldKind.DIGITS, box(380, 110, 96, 24), 4));
		String[] labels = { "1 Wages and salaries of all members", "2 Self-employment income",
				"3 Social Security and pensions", "4 Interest and dividends", "5 Rental income",
				"6 Other income (alimony, support, benefits)" };
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			String name = "income" + (i + 1);
			lines.add(name);
			fields.add(new FieldSpec(name, labels[i], FieldKind.AMOUNT, box(300, 180 + 48 * i, 220, 24), 0));
		}
		fields.add(new FieldSpec("total", "7 Total household income (add lines 1 to 6)", FieldKind.AMOUNT,
				box(300, 480, 220, 24), 0));
		return new FormTemplate(HOUSEHOLD, "Household Income Statement", PAGE_WIDTH, PAGE_HEIGHT, anchors, fields,
				List.of(new ValidationRule("total = lines 1 to 6", "total", ValidationRule.Operation.SUM, lines)));
	}

	private static FormTemplate survey() {
		List<Anchor> anchors = List.of(line("top rule", Anchor.Kind.HORIZONTAL_LINE, 36, 64, 540, 2.5),
				line("bottom rule", Anchor.Kind.HORIZONTAL_LINE, 36, 736, 540, 2.5),
				line("left rule", Anchor.Kind.VERTICAL_LINE, 36, 64, 2.5, 674.5),
				line("right rule", Anchor.Kind.VERTICAL_LINE, 573.5, 64, 2.5, 674.5));
		Object[][] questions = { { "persons", "1 Number of persons living here", 2 },
				{ "year_built", "2 Year the building was built", 4 }, { "rooms", "3 Number of rooms", 2 },
				{ "rent", "4 Monthly rent, dollars", 4 }, { "phone", "5 Telephone number with area code", 10 },
				{ "tract", "6 Census tract", 6 }, { "block", "7 Block number", 3 },
				{ "birth", "8 Date of birth (month, day, year)", 8 },
				{ "income", "9 Income last year, dollars", 7 }, { "weeks", "10 Weeks worked last year", 2 },
				{ "unit", "11 Housing unit number", 9 }, { "hours", "12 Hours worked per week", 2 },
				{ "travel", "13 Minutes to work", 3 }, { "household_id", "14 Questionnaire number", 10 } };
		List<FieldSpec> fields = new ArrayList<>();
		for (int i = 0; i < questions.length; i++) {
			int digits = (Integer) questions[i][2];
			double x = i % 2 == 0 ? 60 : 330;
			double y = 110 + 84 * (i / 2);
			fields.add(new FieldSpec((String) questions[i][0], (String) questions[i][1], FieldKind.NUMBER,
					box(x, y, 16 * digits + 14, 26), 0, digits, OptionalDouble.empty()));
		}
		return new FormTemplate(SURVEY, "Housing and Population Questionnaire 1989", PAGE_WIDTH, PAGE_HEIGHT,
				anchors, fields, List.of());
	}

	private static FormTemplate heldout() {
		List<Anchor> anchors = List.of(line("top rule", Anchor.Kind.HORIZONTAL_LINE, 40, 70, 532, 1.5),
				line("middle rule", Anchor.Kind.HORIZONTAL_LINE, 40, 400, 532, 1),
				line("bottom rule", Anchor.Kind.HORIZONTAL_LINE, 40, 730, 532, 1.5),
				line("left rule", Anchor.Kind.VERTICAL_LINE, 40, 70, 1.5, 661.5));
		List<FieldSpec> fields = new ArrayList<>();
		fields.add(new FieldSpec("account", "Account number", FieldKind.DIGITS, box(70, 110, 176, 22), 8));
		fields.add(new FieldSpec("date", "Date (MMDDYYYY)", FieldKind.DATE, box(330, 110, 176, 22), 8));
		fields.add(new FieldSpec("zip", "ZIP code", FieldKind.NUMBER, box(70, 170, 110, 22), 0, 9,
				OptionalDouble.empty()));
		fields.add(new FieldSpec("phone", "Daytime telephone", FieldKind.NUMBER, box(70, 230, 170, 22), 0, 10,
				OptionalDouble.empty()));
		String[] labels = { "1 Groceries", "2 Rent or mortgage", "3 Utilities", "4 Transport", "5 Other expenses" };
		List<String> items = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			String name = "item" + (i + 1);
			items.add(name);
			fields.add(new FieldSpec(name, labels[i], FieldKind.AMOUNT, box(330, 170 + 40 * i, 180, 22), 0));
		}
		fields.add(new FieldSpec("total", "6 Total expenses (add 1 to 5)", FieldKind.AMOUNT, box(330, 430, 180, 22),
				0));
		return new FormTemplate(HELDOUT, "Monthly Expense Report", PAGE_WIDTH, PAGE_HEIGHT, anchors, fields,
				List.of(new ValidationRule("total = items 1 to 5", "total", ValidationRule.Operation.SUM, items)));
	}

	private static FormTemplate salesTax() {
		List<Anchor> anchors = List.of(line("frame top", Anchor.Kind.HORIZONTAL_LINE, 48, 80, 516, 1.2),
				line("frame bottom", Anchor.Kind.HORIZONTAL_LINE, 48, 700, 516, 1.2),
				line("frame left", Anchor.Kind.VERTICAL_LINE, 48, 80, 1.2, 621.2),
				line("frame right", Anchor.Kind.VERTICAL_LINE, 562.8, 80, 1.2, 621.2));
		List<FieldSpec> fields = new ArrayList<>();
		fields.add(new FieldSpec("permit", "Seller's permit number", FieldKind.DIGITS, box(72, 120, 200, 20), 10));
		fields.add(new FieldSpec("employees", "Number of employees", FieldKind.NUMBER, box(400, 120, 80, 20), 0, 4,
				OptionalDouble.empty()));
		String[][] lines = { { "gross", "1 Gross sales" }, { "exempt", "2 Exempt sales" },
				{ "taxable", "3 Taxable sales (line 1 minus line 2)" }, { "tax", "4 Tax due" },
				{ "credits", "5 Credits and prepayments" }, { "balance", "6 Balance due (line 4 minus line 5)" } };
		for (int i = 0; i < lines.length; i++) {
			fields.add(new FieldSpec(lines[i][0], lines[i][1], FieldKind.AMOUNT, box(340, 200 + 56 * i, 200, 20), 0));
		}
		return new FormTemplate(SALES_TAX, "Quarterly Sales and Use Tax Return", PAGE_WIDTH, PAGE_HEIGHT, anchors,
				fields,
				List.of(new ValidationRule("3 = 1 - 2", "taxable", ValidationRule.Operation.DIFFERENCE,
						List.of("gross", "exempt")),
						new ValidationRule("6 = 4 - 5", "balance", ValidationRule.Operation.DIFFERENCE,
								List.of("tax", "credits"))));
	}

	private static Anchor square(String name, double x, double y) {
		return new Anchor(name, Anchor.Kind.SQUARE_MARK, box(x, y, 14, 14));
	}

	private static Anchor line(String name, Anchor.Kind kind, double x, double y, double width, double height) {
		return new Anchor(name, kind, box(x, y, width, height));
	}

	private static TemplateBox box(double x, double y, double width, double height) {
		return new TemplateBox(x, y, width, height);
	}
}
