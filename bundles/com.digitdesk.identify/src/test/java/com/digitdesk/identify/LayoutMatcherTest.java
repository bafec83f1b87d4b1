package com.digitdesk.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.register.OfficialScans;
import com.digitdesk.register.OfficialScans.Placement;
import com.digitdesk.register.OfficialScans.Wear;
import com.digitdesk.template.JsonTemplateCatalog;

/**
 * The layout score of a real form's template, measured with the true
 * placement: near 1 on its own form although not every edge of its boxes is
 * printed, low on the other form, so the least match and margin keep their
 * meaning even when a registration finds rules where it should not.
 */
class LayoutMatcherTest {

	@TempDir
	static Path empty;

	@Test
	void aRealFormScoresHighOnItselfAndLowOnTheOther() throws Exception {
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(empty.resolve("none"));
		FormTemplate f1040 = catalog.template("f1040-2024-p1").orElseThrow();
		FormTemplate w2 = catalog.template("w2-2024").orElseThrow();
		Placement placement = new Placement(1.2, -3, 5, 1.01);
		RenderedPage form1040 = OfficialScans.scan(OfficialScans.F1040, f1040, 200, placement, Wear.CLEAN, 1);
		RenderedPage formW2 = OfficialScans.scan(OfficialScans.W2, w2, 200, placement, Wear.CLEAN, 1);

		LayoutMatcher.Match own1040 = LayoutMatcher.match(form1040.image(), placement.transform(200), f1040);
		LayoutMatcher.Match ownW2 = LayoutMatcher.match(formW2.image(), placement.transform(200), w2);
		LayoutMatcher.Match w2On1040 = LayoutMatcher.match(form1040.image(), placement.transform(200), w2);
		LayoutMatcher.Match f1040OnW2 = LayoutMatcher.match(formW2.image(), placement.transform(200), f1040);

		assertThat(own1040.score()).as(own1040.found()).isGreaterThan(0.97);
		assertThat(ownW2.score()).as(ownW2.found()).isGreaterThan(0.97);
		assertThat(own1040.found()).matches("rules \\d+%, field edges \\d+%");
		assertThat(w2On1040.score()).as(w2On1040.found()).isLessThan(0.6);
		assertThat(f1040OnW2.score()).as(f1040OnW2.found()).isLessThan(0.6);
		System.out.printf("f1040 on itself %s, w2 on itself %s, w2 on the 1040 %s, f1040 on the W-2 %s%n",
				own1040.found(), ownW2.found(), w2On1040.found(), f1040OnW2.found());
	}
}
