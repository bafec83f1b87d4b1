package com.digitdesk.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.template.JsonTemplateCatalog;

/** The skew of the official blanks, scanned turned and worn: found to the step the alignment then refines. */
class PageSkewTest {

	@TempDir
	static Path empty;

	@ParameterizedTest
	@CsvSource({ "f1040, -2.9, 200, true", "f1040, 1.3, 300, false", "w2, 2.6, 200, true", "w2, -0.4, 300, false",
			"f1040, 7.5, 200, false" })
	void aTurnedScanShowsItsAngle(String form, double degrees, int dpi, boolean bilevel) throws Exception {
		boolean w2 = form.equals("w2");
		FormTemplate template = new JsonTemplateCatalog(empty.resolve("none"))
				.template(w2 ? "w2-2024" : "f1040-2024-p1").orElseThrow();
		OfficialScans.Placement placement = new OfficialScans.Placement(degrees, 6, -4, 1.01);
		RenderedPage page = OfficialScans.scan(w2 ? OfficialScans.W2 : OfficialScans.F1040, template, dpi,
				placement, OfficialScans.Wear.heavy(bilevel), 7);

		double skew = PageSkew.of(new Raster(page.image()), dpi / 72.0, 8);

		assertThat(skew).isCloseTo(placement.transform(dpi).rotationDegrees(),
				org.assertj.core.data.Offset.offset(PageSkew.STEP));
	}
}
