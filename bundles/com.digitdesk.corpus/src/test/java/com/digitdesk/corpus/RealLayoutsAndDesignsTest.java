package com.digitdesk.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.DocumentRule;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.api.template.ValidationRule;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.template.JsonTemplateCatalog;

/** The real layouts (official 2024 pages) and the corpus's own designs. */
class RealLayoutsAndDesignsTest {

	static JsonTemplateCatalog catalog;
	static DigitPicker picker;

	@TempDir
	Path dir;

	@BeforeAll
	static void load() throws Exception {
		catalog = new JsonTemplateCatalog(Path.of("no-such-dir"));
		picker = new DigitPicker(MnistCache.atDefaultLocation().test());
	}

	private static List<FormTemplate> templates(String... ids) {
		List<FormTemplate> templates = new ArrayList<>();
		for (String id : ids) {
			templates.add(Designs.template(id).or(() -> catalog.template(id)).orElseThrow());
		}
		return templates;
	}

	@Test
	void theDesignsTemplatesParseAsTheyAreWritten() throws Exception {
		Path templates = dir.resolve("templates");
		for (String id : Designs.IDS) {
			TemplateJson.write(templates, Designs.template(id).orElseThrow());
		}
		JsonTemplateCatalog loaded = new JsonTemplateCatalog(templates);
		assertThat(loaded.loadProblems()).isEmpty();
		for (String id : Designs.IDS) {
			FormTemplate design = Designs.template(id).orElseThrow();
			assertThat(loaded.template(id)).as(id).contains(design);
		}
		assertThat(Designs.template(Designs.SURVEY).orElseThrow().anchors()).as("survey-1989 has no corner squares")
				.noneMatch(a -> a.kind() == Anchor.Kind.SQUARE_MARK);
		assertThat(Designs.template(Designs.SURVEY).orElseThrow().fields())
				.allMatch(f -> f.kind() == FieldKind.NUMBER && f.cells() == 0 && f.maxDigits() >= 2
						&& f.maxDigits() <= 10);
		assertThat(Designs.template(Designs.HOUSEHOLD).orElseThrow().fields())
				.as("the household template does not state where its cents divider is printed")
				.allMatch(f -> f.centsDivider().isEmpty());
	}

	@Test
	void theOfficialFormsRulesAreWhereTheTemplatesLineAnchorsSayInTheScans() throws Exception {
		List<Path> files = new CorpusGenerator(templates(OfficialFormStyle.F1040_2024, OfficialFormStyle.W2_2024),
				picker, 2).generate(dir, 4, 11, null);
		int checked = 0;
		for (Path pdf : files) {
			JsonNode truth = new ObjectMapper().readTree(GroundTruth.fileFor(pdf).toFile()).get("pages");
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				for (int page = 0; page < truth.size(); page++) {
					JsonNode scanned = truth.get(page).get("scan");
					int dpi = scanned.get("dpi").asInt();
					BufferedImage scan = new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.GRAY);
					AffineTransform placement = placement(scanned);
					FormTemplate template = catalog.template(truth.get(page).get("template").asText()).orElseThrow();
					for (Anchor anchor : template.anchors()) {
						if (Math.min(anchor.box().width(), anchor.box().height()) < 0.75) {
							continue; // a 0.5 pt rule may vanish in a blurred bilevel scan: checked on clean scans below
						}
						assertThat(inkAlong(scan, placement, anchor.box(), 0)).as("%s %s: ink on the rule", pdf, anchor.name())
								.isGreaterThan(0.8);
						assertThat(inkAlong(scan, placement, anchor.box(), 4)).as("%s %s: 4 pt beside it", pdf, anchor.name())
								.isLessThan(0.5);
					}
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(4);
	}

	@Test
	void everyLineAnchorOfTheOfficialFormsIsPrintedOnACleanRotatedScan() {
		for (String id : List.of(OfficialFormStyle.F1040_2024, OfficialFormStyle.W2_2024)) {
			FormTemplate template = catalog.template(id).orElseThrow();
			FormStyle style = FormStyle.of(template);
			ScanSettings settings = new ScanSettings(200, Compression.FLATE, false, 2.2, 7, -5, 1.02, false, 0, 0, 0f);
			BufferedImage scan = ScanSimulator.scan(612, 792, settings, new Random(1), g -> style.paint(g, template));
			AffineTransform placement = ScanSimulator.placement(612, 792, 200 / 72.0, settings);
			for (Anchor anchor : template.anchors()) {
				assertThat(inkAlong(scan, placement, anchor.box(), 0)).as("%s %s: ink on the rule", id, anchor.name())
						.isGreaterThan(0.9);
				assertThat(inkAlong(scan, placement, anchor.box(), 4)).as("%s %s: 4 pt beside it", id, anchor.name())
						.isLessThan(0.5);
			}
		}
	}

	/** The scan's placement of the page, from what the ground truth records of it. */
	private static AffineTransform placement(JsonNode scan) {
		JsonNode shift = scan.get("shift_points");
		ScanSettings settings = new ScanSettings(scan.get("dpi").asInt(), Compression.G4, false,
				scan.get("rotation_degrees").asDouble(), shift.get(0).asDouble(), shift.get(1).asDouble(),
				scan.get("scale").asDouble(), false, 0, 0, 0f);
		return ScanSimulator.placement(612, 792, settings.dpi() / 72.0, settings);
	}

	/** Share of 40 points along a rule's middle line, moved {@code offset} points across it, that have ink within 2 px (a 0.75 pt rule, blurred and thresholded, is thin and broken in places). */
	private static double inkAlong(BufferedImage scan, AffineTransform placement, TemplateBox rule, double offset) {
		boolean horizontal = rule.width() > rule.height();
		int hits = 0;
		int samples = 40;
		for (int i = 0; i < samples; i++) {
			double t = (i + 0.5) / samples;
			Point2D point = horizontal
					? new Point2D.Double(rule.x() + t * rule.width(), rule.centerY() + offset)
					: new Point2D.Double(rule.centerX() + offset, rule.y() + t * rule.height());
			Point2D pixel = placement.transform(point, null);
			boolean ink = false;
			for (int dy = -2; dy <= 2 && !ink; dy++) {
				for (int dx = -2; dx <= 2 && !ink; dx++) {
					int x = (int) Math.floor(pixel.getX()) + dx;
					int y = (int) Math.floor(pixel.getY()) + dy;
					ink = x >= 0 && y >= 0 && x < scan.getWidth() && y < scan.getHeight()
							&& scan.getRaster().getSample(x, y, 0) < 160;
				}
			}
			hits += ink ? 1 : 0;
		}
		return hits / (double) samples;
	}

	@Test
	void realReturnsAndDesignsFollowTheirRulesWithNormalizedGroundTruth() throws Exception {
		List<FormTemplate> templates = templates(OfficialFormStyle.F1040_2024, OfficialFormStyle.W2_2024,
				Designs.HOUSEHOLD, Designs.SURVEY, Designs.HELDOUT, Designs.SALES_TAX);
		Map<String, FormTemplate> byId = new HashMap<>();
		templates.forEach(t -> byId.put(t.id(), t));
		List<Path> files = new CorpusGenerator(templates, picker, 2).generate(dir, 16, 3, null);
		int returns = 0;
		for (Path pdf : files) {
			List<GroundTruth.Page> pages = GroundTruth.read(GroundTruth.fileFor(pdf)).pages();
			for (GroundTruth.Page page : pages) {
				FormTemplate template = byId.get(page.template());
				for (FieldSpec field : template.fields()) {
					String value = page.fields().get(field.name());
					if (value.isEmpty()) {
						continue;
					}
					assertThat(value).as("%s %s %s", pdf, page.template(), field.name()).matches(switch (field.kind()) {
					case AMOUNT -> "\\d+\\.\\d\\d";
					case SSN -> "\\d{9}";
					case NUMBER -> switch (field.name()) {
						case "zip" -> "\\d{5}";
						case "ein" -> "\\d{9}";
						default -> "\\d{2," + field.maxDigits() + "}";
						};
					default -> "\\d{" + field.cells() + "}";
					});
				}
				for (ValidationRule rule : template.rules()) {
					String target = page.fields().get(rule.target());
					if (rule.operation() == ValidationRule.Operation.PERCENT && target.isEmpty()) {
						continue;
					}
					Map<String, Long> cents = new HashMap<>();
					rule.operands().forEach(o -> cents.put(o, Amounts.cents(page.fields().get(o))));
					assertThat(Amounts.cents(target)).as("%s %s", pdf, rule.name()).isEqualTo(rule.expectedCents(cents));
				}
			}
			// a 1040 page alone (drawn as any page, or a return cut off at the corpus's end) carries no W-2s
			if (pages.get(0).template().equals(OfficialFormStyle.F1040_2024) && pages.size() > 1) {
				returns++;
				Map<String, String> main = pages.get(0).fields();
				long wages = 0;
				for (GroundTruth.Page w2 : pages.subList(1, pages.size())) {
					assertThat(w2.template()).isEqualTo(OfficialFormStyle.W2_2024);
					for (DocumentRule rule : byId.get(OfficialFormStyle.F1040_2024).documentRules()) {
						if (rule.operation() == DocumentRule.Operation.SAME) {
							assertThat(w2.fields().get(rule.field())).isEqualTo(main.get(rule.target()));
						}
					}
					wages += Amounts.cents(w2.fields().get("box1"));
				}
				assertThat(Amounts.cents(main.get("line1a"))).as("%s: line 1a = the W-2s' box 1", pdf).isEqualTo(wages);
			}
		}
		assertThat(returns).as("the corpus holds real returns").isPositive();
	}

	@Test
	void sameSeedSameCorpusForTheRealLayoutsAndDesigns() throws Exception {
		List<FormTemplate> templates = templates(OfficialFormStyle.F1040_2024, OfficialFormStyle.W2_2024,
				Designs.HOUSEHOLD, Designs.SURVEY, Designs.HELDOUT, Designs.SALES_TAX);
		Path one = Files.createDirectory(dir.resolve("one"));
		Path two = Files.createDirectory(dir.resolve("two"));
		new CorpusGenerator(templates, picker, 1).generate(one, 5, 9, null);
		new CorpusGenerator(templates, picker, 2).generate(two, 5, 9, null);
		assertThat(FirstDesignsUnchangedTest.hashes(one)).isEqualTo(FirstDesignsUnchangedTest.hashes(two)).isNotEmpty();
	}

	@Test
	void separatorsAreWrittenNotStored() {
		assertThat(PlainBoxFilling.withCommas("1234567")).isEqualTo("1,234,567");
		assertThat(PlainBoxFilling.withCommas("123")).isEqualTo("123");
		assertThat(PlainBoxFilling.withCommas("12345")).isEqualTo("12,345");
		assertThat(PlainBoxFilling.ssn("123456789")).isEqualTo("123-45-6789");
		assertThat(PlainBoxFilling.ein("123456789")).isEqualTo("12-3456789");
	}

	@Test
	void digitsInTheTwelvePointBoxesAreSevenToNinePointsHigh() {
		FormTemplate f1040 = catalog.template(OfficialFormStyle.F1040_2024).orElseThrow();
		double pixelsPerPoint = 8;
		double margin = 6;
		List<Double> heights = new ArrayList<>();
		for (int seed = 0; seed < 4; seed++) {
			Random random = new Random(seed);
			Map<String, String> values = ValueGenerator.writtenValues(f1040, random);
			Handwriting hand = new Handwriting(picker, random);
			for (FieldSpec field : f1040.fields()) {
				if (field.kind() != FieldKind.AMOUNT || values.get(field.name()).isEmpty()) {
					continue;
				}
				// this field alone, on a patch of the page around its box
				Map<String, String> alone = new HashMap<>();
				f1040.fields().forEach(f -> alone.put(f.name(), f == field ? values.get(f.name()) : ""));
				TemplateBox box = field.box();
				BufferedImage patch = new BufferedImage((int) ((box.width() + 2 * margin) * pixelsPerPoint),
						(int) ((box.height() + 2 * margin) * pixelsPerPoint), BufferedImage.TYPE_BYTE_GRAY);
				Graphics2D g = patch.createGraphics();
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, patch.getWidth(), patch.getHeight());
				g.scale(pixelsPerPoint, pixelsPerPoint);
				g.translate(margin - box.x(), margin - box.y());
				OfficialFormStyle.f1040().fill(g, f1040, alone, hand, random);
				g.dispose();
				int top = Integer.MAX_VALUE;
				int bottom = -1;
				for (int y = 0; y < patch.getHeight(); y++) {
					for (int x = 0; x < patch.getWidth(); x++) {
						if (patch.getRaster().getSample(x, y, 0) < 128) {
							top = Math.min(top, y);
							bottom = Math.max(bottom, y);
						}
					}
				}
				assertThat(bottom).as("ink of %s", field.name()).isNotNegative();
				assertThat(top).as("%s starts in its box", field.name()).isGreaterThanOrEqualTo((int) (margin * pixelsPerPoint));
				heights.add((bottom - top + 1) / pixelsPerPoint);
			}
		}
		heights.sort(null);
		assertThat(heights).hasSizeGreaterThan(50);
		// the written line, commas and decimal point included, stays in the 12 pt box's reach
		assertThat(heights.get(heights.size() / 2)).isBetween(6.5, 9.5);
		assertThat(heights.get(heights.size() - 1)).isLessThan(12.5);
	}

	@Test
	void theCommandWritesTheDesignsItUsedForTheTemplateDirectory() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new CorpusCommand(catalog, MnistCache.atDefaultLocation()).run(new CommandContext(
				List.of("--out", "corpus", "--pages", "2", "--seed", "4", "--designs", "household,w2-2024"),
				new PrintStream(out, true), new PrintStream(err, true), dir, false));
		assertThat(status).as(err.toString()).isZero();
		try (Stream<Path> written = Files.list(dir.resolve("corpus/templates"))) {
			assertThat(written.map(p -> p.getFileName().toString())).containsExactly("household.json");
		}
		JsonTemplateCatalog withDesign = new JsonTemplateCatalog(dir.resolve("corpus/templates"));
		assertThat(withDesign.loadProblems()).isEmpty();
		assertThat(withDesign.template(Designs.HOUSEHOLD)).contains(Designs.template(Designs.HOUSEHOLD).orElseThrow());
		for (Path pdf : GroundTruth.pdfsWithTruth(dir.resolve("corpus"))) {
			assertThat(GroundTruth.read(GroundTruth.fileFor(pdf)).pages())
					.allMatch(p -> p.template().equals(Designs.HOUSEHOLD) || p.template().equals("w2-2024"));
		}
		assertThat(new CorpusCommand(catalog, MnistCache.atDefaultLocation()).run(new CommandContext(
				List.of("--out", "other", "--pages", "1", "--designs", "household,no-such-form"),
				new PrintStream(out, true), new PrintStream(err, true), dir, false))).isEqualTo(2);
		assertThat(err.toString()).contains("no design or template no-such-form");
	}

	@Test
	void theFirstDesignsAndTemplatesInTheirConventionsKeepTheirStyle() {
		FormTemplate w2 = catalog.template("w2").orElseThrow();
		assertThat(FormStyle.of(catalog.template("f1040-p1").orElseThrow())).isSameAs(FirstDesignStyle.INSTANCE);
		assertThat(FormStyle.of(w2)).isSameAs(FirstDesignStyle.INSTANCE);
		FormTemplate cellsOnly = new FormTemplate("f1099-int", "Form 1099-INT", 612, 792, w2.anchors(), w2.fields(),
				List.of());
		assertThat(FormStyle.of(cellsOnly)).isSameAs(FirstDesignStyle.INSTANCE);
		FormTemplate free = new FormTemplate("local-form", "A local form", 612, 792, w2.anchors(),
				List.of(new FieldSpec("zip", "ZIP", FieldKind.NUMBER, new TemplateBox(100, 100, 100, 20), 0, 9,
						java.util.OptionalDouble.empty())),
				List.of());
		assertThat(FormStyle.of(free)).isSameAs(DesignStyle.FIRST_DESIGN_BOXES);
	}

	@Test
	void designsOptionChoosesTheFormsAndDefaultsToTheFirstDesigns() {
		assertThat(CorpusCommand.designs(null, null)).containsExactly("f1040-p1", "w2");
		assertThat(CorpusCommand.designs(null, "w2-2024")).containsExactly("w2-2024");
		assertThat(CorpusCommand.designs("household, survey-1989,heldout", null)).containsExactly("household",
				"survey-1989", "heldout");
		assertThatThrownBy(() -> CorpusCommand.designs("household,,w2", null)).hasMessageContaining("--designs");
		assertThatThrownBy(() -> CorpusCommand.designs("w2", "w2")).hasMessageContaining("--template");
	}
}
